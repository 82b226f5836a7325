// KPI targets and the watermelon margin, as an admin sets them: one Configuration item, key "kpi-settings".
// Values that do not validate are ignored (with the default margin), never half-applied.
import { DEFAULT_WATERMELON_MARGIN, validateKpiTarget, type KpiTarget } from '../../domain/kpi';
import type { ConfigStore } from '../config/config-store';

export const KPI_SETTINGS_KEY = 'kpi-settings';

export interface KpiSettings {
  readonly targets: readonly KpiTarget[];
  /** Percentage points the on-hold share or reopen rate must rise by for the watermelon warning. */
  readonly watermelonMarginPoints: number;
}

export const DEFAULT_KPI_SETTINGS: KpiSettings = { targets: [], watermelonMarginPoints: DEFAULT_WATERMELON_MARGIN };

export function parseKpiSettings(value: unknown): KpiSettings {
  const v = (value ?? {}) as Partial<Record<keyof KpiSettings, unknown>>;
  const margin = typeof v.watermelonMarginPoints === 'number' && v.watermelonMarginPoints >= 0 && v.watermelonMarginPoints <= 100 ? v.watermelonMarginPoints : DEFAULT_WATERMELON_MARGIN;
  const targets = Array.isArray(v.targets) ? (v.targets as KpiTarget[]).filter((t) => t && typeof t === 'object' && validateKpiTarget(t).length === 0) : [];
  return { targets, watermelonMarginPoints: margin };
}

export async function readKpiSettings(config: Pick<ConfigStore, 'settings'>): Promise<KpiSettings> {
  const stored = await config.settings.get(KPI_SETTINGS_KEY);
  return stored ? parseKpiSettings(stored.record.value) : DEFAULT_KPI_SETTINGS;
}
