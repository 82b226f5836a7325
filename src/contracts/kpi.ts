// What GET /api/kpi, /api/kpi/trend and /api/kpi/drill answer (issue 7). Dates are local dates in the reporting
// zone (Europe/London); `to` is the last day included.
import type { Direction, FigureUnit, KpiId, Population } from '../domain/kpi';

export type KpiStatus = 'green' | 'amber' | 'red' | 'noData' | 'noTarget';

export interface KpiTargetDto {
  readonly id: string;
  readonly version: number;
  readonly direction: Direction;
  readonly green: number;
  readonly amber: number;
}

export interface KpiFigureDto {
  readonly id: KpiId;
  readonly title: string;
  readonly unit: FigureUnit;
  readonly population: Population;
  /** The population in words, shown beside the number. */
  readonly populationText: string;
  readonly definition: { readonly numerator: string; readonly denominator: string | null; readonly clock: string | null };
  readonly populationSize: number;
  /** null: no data. Durations in milliseconds, percentages 0 to 100. */
  readonly value: number | null;
  /** The value as the dashboard, CSV and report print it. */
  readonly display: string;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly excluded: number;
  readonly target: KpiTargetDto | null;
  readonly status: KpiStatus;
  /** The status in words: never colour alone. */
  readonly statusLabel: string;
  readonly byPolicy?: readonly { readonly key: string; readonly met: number; readonly breached: number }[];
  readonly buckets?: readonly { readonly minDays: number; readonly maxDays: number | null; readonly tickets: number }[];
  readonly distribution?: readonly number[];
  readonly atStart?: number;
}

export interface KpiOlaRowDto {
  readonly groupId: string;
  readonly groupName: string;
  readonly resolution: KpiFigureDto;
  readonly response: KpiFigureDto;
}

export interface KpiScopeDto {
  readonly groupIds: readonly string[] | null;
  readonly serviceIds: readonly string[] | null;
  /** Names for the scope's ids, and for every id a figure or row mentions. */
  readonly names: Readonly<Record<string, string>>;
}

export interface KpiReportDto {
  readonly from: string;
  readonly to: string;
  readonly previous: { readonly from: string; readonly to: string };
  /** When the aggregates were last computed; null when they never were (every figure is then empty). */
  readonly asOf: string | null;
  readonly partial: boolean;
  readonly scope: KpiScopeDto;
  readonly figures: readonly KpiFigureDto[];
  readonly watermelon: { readonly message: string; readonly marginPoints: number; readonly rises: readonly { readonly kpi: string; readonly previous: number; readonly current: number; readonly rise: number }[] } | null;
  readonly watermelonMarginPoints: number;
  readonly olaByGroup: readonly KpiOlaRowDto[];
}

export const TREND_KPIS = ['opened', 'resolved', 'backlog', 'slaResolution', 'mttrCalendarMedian', 'reopenRate', 'onHoldShare'] as const satisfies readonly KpiId[];
export type TrendKpi = (typeof TREND_KPIS)[number];

export interface KpiTrendDto {
  readonly grain: 'week' | 'month';
  readonly points: readonly { readonly from: string; readonly to: string; readonly values: Readonly<Record<TrendKpi, number | null>> }[];
}

export interface KpiHandoverDto {
  readonly groupId: string;
  readonly from: string;
  readonly to: string | null;
  /** Real time the ticket was open while with this group. */
  readonly heldMs: number;
  /** That group's OLA resolution target and the business time its clock ran, when an agreement applied. */
  readonly targetMs: number | null;
  readonly elapsedMs: number | null;
}

export interface KpiDrillRowDto {
  readonly number: string;
  readonly title: string;
  readonly at: string;
  readonly groupId: string | null;
  readonly serviceId: string | null;
  readonly met?: boolean;
  readonly stintAssignedAt?: string;
  /** Backlog growth: whether the ticket joined the backlog in the period (open at the end, not at the start) or left it. */
  readonly backlog?: 'joined' | 'left';
  /** OLA figures: the ticket's hand-over chain. */
  readonly chain?: readonly KpiHandoverDto[];
}

export interface KpiDrillDto {
  readonly figure: KpiId;
  readonly from: string;
  readonly to: string;
  readonly asOf: string | null;
  readonly rows: readonly KpiDrillRowDto[];
  /** Names of the groups and services the rows mention, by key (for exports; the tab has the reference data). */
  readonly names?: Readonly<Record<string, string>>;
}
