// KPI targets and the watermelon margin, as an admin sets them: one Configuration item, key "kpi-settings", holding
// every version of every target. Values that do not validate are ignored (with the default margin), never half-applied.
import { DEFAULT_WATERMELON_MARGIN, validateKpiTarget, watermelonMarginProblem, type KpiTarget } from '../../domain/kpi';
import type { KpiSettingsDto, KpiTargetVersionDto } from '../../contracts/kpi-settings';
import type { ConfigStore } from '../config/config-store';

export const KPI_SETTINGS_KEY = 'kpi-settings';

/** A saved version, with who added it and when (not part of the domain's target). */
export type StoredKpiTarget = KpiTarget & { readonly createdAt?: string | null; readonly createdByName?: string | null };

export interface KpiSettings {
  readonly targets: readonly StoredKpiTarget[];
  /** Percentage points the on-hold share or reopen rate must rise by for the watermelon warning. */
  readonly watermelonMarginPoints: number;
}

export const DEFAULT_KPI_SETTINGS: KpiSettings = { targets: [], watermelonMarginPoints: DEFAULT_WATERMELON_MARGIN };

export function parseKpiSettings(value: unknown): KpiSettings {
  const v = (value ?? {}) as Partial<Record<keyof KpiSettings, unknown>>;
  const margin = watermelonMarginProblem(v.watermelonMarginPoints) === null ? (v.watermelonMarginPoints as number) : DEFAULT_WATERMELON_MARGIN;
  const targets = Array.isArray(v.targets) ? (v.targets as StoredKpiTarget[]).filter((t) => t && typeof t === 'object' && validateKpiTarget(t).length === 0) : [];
  return { targets, watermelonMarginPoints: margin };
}

export async function readKpiSettings(config: Pick<ConfigStore, 'settings'>): Promise<KpiSettings> {
  const stored = await config.settings.get(KPI_SETTINGS_KEY);
  return stored ? parseKpiSettings(stored.record.value) : DEFAULT_KPI_SETTINGS;
}

const versionDto = (t: StoredKpiTarget): KpiTargetVersionDto => ({
  id: t.id, version: t.version, kpi: t.kpi, groupId: t.groupId, serviceId: t.serviceId, effectiveFrom: t.effectiveFrom,
  direction: t.direction, green: t.green, amber: t.amber, createdAt: t.createdAt ?? null, createdByName: t.createdByName ?? null,
});

/** The settings with the ETag to send back when changing them. */
export async function readKpiSettingsDto(config: Pick<ConfigStore, 'settings'>): Promise<KpiSettingsDto> {
  const stored = await config.settings.get(KPI_SETTINGS_KEY);
  const settings = stored ? parseKpiSettings(stored.record.value) : DEFAULT_KPI_SETTINGS;
  const targets = [...settings.targets].sort((a, b) => a.kpi.localeCompare(b.kpi) || a.id.localeCompare(b.id) || a.version - b.version).map(versionDto);
  return {
    targets,
    watermelonMarginPoints: settings.watermelonMarginPoints,
    defaultWatermelonMarginPoints: DEFAULT_WATERMELON_MARGIN,
    etag: stored?.etag ?? null,
    updatedAt: stored?.record.updatedAt ?? null,
    updatedByName: stored?.record.updatedByName ?? null,
  };
}
