// What GET /api/admin/kpi-settings answers and what POST /api/admin/kpi-targets/:id/versions and
// PUT /api/admin/kpi-settings take (issue 7). Every version of every target is kept: a period is rated by the version
// in force at its start (docs/decisions/0084, 0404).
import type { Direction, KpiId } from '../domain/kpi';

export interface KpiTargetVersionDto {
  /** The target series: one per KPI and scope (any group and service, or one of each). */
  readonly id: string;
  readonly version: number;
  readonly kpi: KpiId;
  readonly groupId: string | null;
  readonly serviceId: string | null;
  /** ISO instant: the version rates periods that start then or later. */
  readonly effectiveFrom: string;
  readonly direction: Direction;
  /** Green: this value or better. Amber: this value or better but not green. Red: worse than amber. */
  readonly green: number;
  readonly amber: number;
  readonly createdAt: string | null;
  readonly createdByName: string | null;
}

export interface KpiSettingsDto {
  readonly targets: readonly KpiTargetVersionDto[];
  readonly watermelonMarginPoints: number;
  readonly defaultWatermelonMarginPoints: number;
  /** Send back as If-Match to change the settings; null before anything was saved. */
  readonly etag: string | null;
  readonly updatedAt: string | null;
  readonly updatedByName: string | null;
}

export interface NewKpiTargetVersionRequest {
  readonly kpi: KpiId;
  readonly groupId?: string | null;
  readonly serviceId?: string | null;
  readonly direction: Direction;
  readonly green: number;
  readonly amber: number;
  /** 'YYYY-MM-DD' (the start of that day in Europe/London) or an ISO instant; not before now. */
  readonly effectiveFrom: string;
  /** The version being added, as the client computed it from what it read: another number is a 409. */
  readonly version?: number;
}

export interface WatermelonMarginRequest {
  readonly watermelonMarginPoints: number;
}
