// The policy and agreement forms' state, and the request it becomes. Targets are typed as an amount and a unit;
// hours become working minutes, as the API counts them.
import type { ClockPolicyRequest, TargetDto, TargetsDto } from '../../../../contracts/sla';

export const HOLD_REASONS = ['AwaitingCaller', 'AwaitingSupplier', 'AwaitingChange', 'AwaitingOther', 'AwaitingProblem'] as const;
export type HoldReasonKey = (typeof HOLD_REASONS)[number];

export type UnitChoice = 'none' | 'minutes' | 'hours' | 'days' | 'calendarDays';
export const UNIT_LABELS: Record<UnitChoice, string> = { none: 'No target', minutes: 'working minutes', hours: 'working hours', days: 'working days', calendarDays: 'calendar days' };

export interface TargetText {
  readonly amount: string;
  readonly unit: UnitChoice;
}

export const PRIORITIES = ['1', '2', '3', '4', '5'] as const;
export type PriorityKey = (typeof PRIORITIES)[number];
export type TargetsText = Record<PriorityKey, { response: TargetText; resolution: TargetText }>;

export interface PolicyFormState {
  readonly key: string;
  readonly name: string;
  readonly calendarKey: string;
  /** Local date and time (datetime-local), empty for "now". */
  readonly effectiveFrom: string;
  readonly targets: TargetsText;
  readonly thresholds: string;
  readonly warnOnlyInWorkingHours: boolean;
  /** Reasons that pause each clock; all ticked means the default (every reason pauses). */
  readonly pausedBy: { readonly response: readonly HoldReasonKey[]; readonly resolution: readonly HoldReasonKey[] };
}

export function targetText(t: TargetDto | null): TargetText {
  if (!t) return { amount: '', unit: 'none' };
  if (t.unit === 'businessDays') return { amount: String(t.value), unit: 'days' };
  if (t.unit === 'calendarDays') return { amount: String(t.value), unit: 'calendarDays' };
  return t.value % 60 === 0 ? { amount: String(t.value / 60), unit: 'hours' } : { amount: String(t.value), unit: 'minutes' };
}

export function targetsText(t: TargetsDto): TargetsText {
  const out = {} as TargetsText;
  for (const p of PRIORITIES) out[p] = { response: targetText(t[p].response), resolution: targetText(t[p].resolution) };
  return out;
}

/** A number the API will check; NaN goes through so the API names the field. */
function targetOf(t: TargetText): TargetDto | null {
  if (t.unit === 'none') return null;
  const n = Number(t.amount.replace(',', '.'));
  switch (t.unit) {
    case 'minutes':
      return { unit: 'businessMinutes', value: n };
    case 'hours':
      return { unit: 'businessMinutes', value: Math.round(n * 60 * 1000) / 1000 };
    case 'days':
      return { unit: 'businessDays', value: n };
    case 'calendarDays':
      return { unit: 'calendarDays', value: n };
  }
}

/** Stored pause rules as ticked reasons; no rules means every reason pauses. */
export function pausedByText(p: { readonly response?: readonly string[]; readonly resolution?: readonly string[] } | null): PolicyFormState['pausedBy'] {
  const pick = (list: readonly string[] | undefined) => HOLD_REASONS.filter((r) => list === undefined || list.includes(r));
  return { response: pick(p?.response), resolution: pick(p?.resolution) };
}

export function emptyPolicyForm(calendarKey: string): PolicyFormState {
  const row = { response: { amount: '4', unit: 'hours' as UnitChoice }, resolution: { amount: '3', unit: 'days' as UnitChoice } };
  return {
    key: '', name: '', calendarKey, effectiveFrom: '', thresholds: '50, 75, 100', warnOnlyInWorkingHours: true,
    targets: { 1: row, 2: row, 3: row, 4: row, 5: row },
    pausedBy: { response: [...HOLD_REASONS], resolution: [...HOLD_REASONS] },
  };
}

export function toRequest(f: PolicyFormState): ClockPolicyRequest {
  const targets = {} as Record<PriorityKey, { response: TargetDto | null; resolution: TargetDto | null }>;
  for (const p of PRIORITIES) targets[p] = { response: targetOf(f.targets[p].response), resolution: targetOf(f.targets[p].resolution) };
  const all = (list: readonly string[]) => HOLD_REASONS.every((r) => list.includes(r));
  const paused = all(f.pausedBy.response) && all(f.pausedBy.resolution) ? null : { response: f.pausedBy.response, resolution: f.pausedBy.resolution };
  const thresholds = f.thresholds.split(/[,\s]+/).filter(Boolean).map(Number);
  return {
    name: f.name,
    calendarKey: f.calendarKey,
    // datetime-local is the reader's local time; the browser turns it into an instant.
    effectiveFrom: f.effectiveFrom ? new Date(f.effectiveFrom).toISOString() : '',
    targets,
    pausedBy: paused,
    warningThresholds: thresholds.length > 0 ? thresholds : null,
    warnOnlyInWorkingHours: f.warnOnlyInWorkingHours,
  };
}
