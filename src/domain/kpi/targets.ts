// KPI targets as admins set them: red, amber and green bands with a direction, versioned like OLA agreements. The
// target in force at the period's start applies, so a new version never changes a period already reported.
import { KPI_CATALOGUE, KPI_IDS, type Direction, type KpiId } from './catalogue';
import type { Figure, KpiFigures } from './figures';

export interface KpiTarget {
  readonly id: string;
  readonly version: number;
  readonly kpi: KpiId;
  /** A target for one group and/or service beats a general one (null: any). */
  readonly groupId: string | null;
  readonly serviceId: string | null;
  /** ISO instant from which this version applies to periods that start then or later. */
  readonly effectiveFrom: string;
  readonly effectiveTo?: string | null;
  readonly direction: Direction;
  /** Green: this value or better. */
  readonly green: number;
  /** Amber: this value or better, but not green. Red: worse than amber. */
  readonly amber: number;
}

export type Rating = 'green' | 'amber' | 'red';

export interface TargetEvaluation {
  readonly kpi: KpiId;
  readonly status: Rating | 'noData' | 'noTarget';
  /** Text for the tile, so the status never depends on colour alone. */
  readonly label: string;
  readonly target: Pick<KpiTarget, 'id' | 'version' | 'direction' | 'green' | 'amber'> | null;
}

export const RATING_LABELS: Readonly<Record<TargetEvaluation['status'], string>> = {
  green: 'On target',
  amber: 'Near target',
  red: 'Off target',
  noData: 'No data',
  noTarget: 'No target set',
};

export interface TargetScope {
  readonly groupId: string | null;
  readonly serviceId: string | null;
}

const inForceAt = (t: KpiTarget, at: number): boolean =>
  Date.parse(t.effectiveFrom) <= at && (t.effectiveTo == null || at < Date.parse(t.effectiveTo));

const specificity = (t: KpiTarget): number => (t.groupId !== null ? 2 : 0) + (t.serviceId !== null ? 1 : 0);

/** The target for a KPI in a scope for a period starting at `periodFrom`: most specific, then newest, then highest version. */
export function selectKpiTarget(targets: readonly KpiTarget[], kpi: KpiId, periodFrom: number, scope: TargetScope): KpiTarget | null {
  const fits = targets.filter(
    (t) =>
      t.kpi === kpi &&
      inForceAt(t, periodFrom) &&
      (t.groupId === null || t.groupId === scope.groupId) &&
      (t.serviceId === null || t.serviceId === scope.serviceId),
  );
  fits.sort((a, b) => specificity(b) - specificity(a) || Date.parse(b.effectiveFrom) - Date.parse(a.effectiveFrom) || b.version - a.version);
  return fits[0] ?? null;
}

export function rate(value: number, t: Pick<KpiTarget, 'direction' | 'green' | 'amber'>): Rating {
  const atLeast = (threshold: number): boolean => (t.direction === 'higherIsBetter' ? value >= threshold : value <= threshold);
  if (atLeast(t.green)) return 'green';
  return atLeast(t.amber) ? 'amber' : 'red';
}

export function evaluateFigure(figure: Figure, target: KpiTarget | null): TargetEvaluation {
  const summary = target ? { id: target.id, version: target.version, direction: target.direction, green: target.green, amber: target.amber } : null;
  const status = figure.value === null ? 'noData' : target === null ? 'noTarget' : rate(figure.value, target);
  return { kpi: figure.kpi, status, label: RATING_LABELS[status], target: summary };
}

/** Every figure rated against the targets in force at the start of its period. */
export function evaluateFigures(figures: KpiFigures, targets: readonly KpiTarget[], scope: TargetScope): Record<KpiId, TargetEvaluation> {
  const from = figures.period.from;
  return Object.fromEntries(
    KPI_IDS.map((kpi) => [kpi, evaluateFigure(figures.figures[kpi], selectKpiTarget(targets, kpi, from, scope))]),
  ) as Record<KpiId, TargetEvaluation>;
}

/** Stable codes the API answers with; the admin page shows the messages beside each field. */
export type TargetErrorCode =
  | 'invalid_target'
  | 'threshold_out_of_range'
  | 'thresholds_out_of_order'
  | 'version_taken'
  | 'scope_changed'
  | 'duplicate_scope'
  | 'starts_in_past';

export interface TargetError {
  readonly code: TargetErrorCode;
  readonly field: string;
  readonly message: string;
}

const HOUR_MS = 3_600_000;
/** Durations are milliseconds (shown in hours); a count of tickets may be negative (backlog growth). */
const RANGES: Partial<Record<string, readonly [number, number]>> = { percent: [0, 100], rating: [1, 5], duration: [0, 366 * 24 * HOUR_MS], perTicket: [0, 1000] };
const shown = (unit: string, v: number): string => (unit === 'duration' ? `${Number((v / HOUR_MS).toFixed(2))} hours` : String(v));

/** Checks a target; the admin page shows these messages. */
export function validateKpiTarget(t: KpiTarget): TargetError[] {
  const errors: TargetError[] = [];
  const bad = (field: string, message: string, code: TargetErrorCode = 'invalid_target'): number => errors.push({ code, field, message });
  if (!t.id) bad('id', 'An id is required.');
  if (!KPI_IDS.includes(t.kpi)) return [...errors, { code: 'invalid_target', field: 'kpi', message: `Unknown KPI ${String(t.kpi)}.` }];
  if (!Number.isInteger(t.version) || t.version < 1) bad('version', 'The version is a whole number from 1.');
  if (typeof t.effectiveFrom !== 'string' || Number.isNaN(Date.parse(t.effectiveFrom))) bad('effectiveFrom', 'The effective date must be an ISO date-time.');
  if (t.effectiveTo != null && !(Date.parse(t.effectiveTo) > Date.parse(t.effectiveFrom))) bad('effectiveTo', 'The end must be after the effective date.');
  if (t.direction !== 'higherIsBetter' && t.direction !== 'lowerIsBetter') bad('direction', 'The direction is higherIsBetter or lowerIsBetter.');
  const range = RANGES[KPI_CATALOGUE[t.kpi].unit];
  for (const field of ['green', 'amber'] as const) {
    const v = t[field];
    if (typeof v !== 'number' || !Number.isFinite(v)) bad(field, `The ${field} threshold must be a number.`);
    else if (range && (v < range[0] || v > range[1])) {
      const unit = KPI_CATALOGUE[t.kpi].unit;
      bad(field, `The ${field} threshold for this KPI is between ${shown(unit, range[0])} and ${shown(unit, range[1])} (got ${shown(unit, v)}).`, 'threshold_out_of_range');
    }
  }
  if (Number.isFinite(t.green) && Number.isFinite(t.amber)) {
    const ordered = t.direction === 'higherIsBetter' ? t.green >= t.amber : t.green <= t.amber;
    if (!ordered) {
      const rule = t.direction === 'higherIsBetter' ? 'must not be above the green threshold when higher is better' : 'must not be below the green threshold when lower is better';
      bad('amber', `The amber threshold (${t.amber}) ${rule} (${t.green}); red is worse than amber.`, 'thresholds_out_of_order');
    }
  }
  return errors;
}
