// The watermelon warning (issue 7): SLA compliance is green on the outside while the on-hold share or the reopen rate
// rose against the previous period by at least a margin, which suggests the green is being bought with holds or
// premature resolutions.
import type { KpiFigures } from './figures';
import type { TargetEvaluation } from './targets';

/** Percentage points; admins may set another. */
export const DEFAULT_WATERMELON_MARGIN = 2;

export interface WatermelonRise {
  readonly kpi: 'onHoldShare' | 'reopenRate';
  readonly previous: number;
  readonly current: number;
  /** current - previous, in percentage points. */
  readonly rise: number;
}

export interface WatermelonWarning {
  readonly rises: readonly WatermelonRise[];
  /** Text for the dashboard. */
  readonly message: string;
}

const NAMES = { onHoldShare: 'share of life on hold', reopenRate: 'reopen rate' } as const;

/**
 * A warning when `slaRating` (the current period's SLA resolution compliance against its target) is green and at
 * least one of the on-hold share and the reopen rate rose by `marginPoints` or more; null otherwise, or when either
 * period has no data for a figure.
 */
export function watermelonWarning(current: KpiFigures, previous: KpiFigures, slaRating: TargetEvaluation, marginPoints = DEFAULT_WATERMELON_MARGIN): WatermelonWarning | null {
  if (slaRating.kpi !== 'slaResolution' || slaRating.status !== 'green') return null;
  const rises: WatermelonRise[] = [];
  for (const kpi of ['onHoldShare', 'reopenRate'] as const) {
    const now = current.figures[kpi].value;
    const before = previous.figures[kpi].value;
    if (now === null || before === null) continue;
    // Compare in whole hundredths of a point, so 2.0 points computed as 1.9999999 still counts.
    const rise = Math.round((now - before) * 100) / 100;
    if (rise >= marginPoints) rises.push({ kpi, previous: before, current: now, rise });
  }
  if (rises.length === 0) return null;
  const parts = rises.map((r) => `the ${NAMES[r.kpi]} rose from ${r.previous.toFixed(1)} % to ${r.current.toFixed(1)} %`);
  return { rises, message: `SLA compliance is on target, but ${parts.join(' and ')} since the previous period.` };
}

/** Bounds an admin may set the margin within: above 0 (0 would warn on no change at all), at most 50 points. */
export const WATERMELON_MARGIN_RANGE = { min: 0.1, max: 50 } as const;

/** A message saying what is wrong with a margin an admin typed, or null when it may be saved. */
export function watermelonMarginProblem(value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'The watermelon margin must be a number of percentage points.';
  const { min, max } = WATERMELON_MARGIN_RANGE;
  if (value < min || value > max) return `The watermelon margin is between ${min} and ${max} percentage points (got ${value}).`;
  if (Math.round(value * 100) !== value * 100) return 'The watermelon margin has at most two decimals.';
  return null;
}
