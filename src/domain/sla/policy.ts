// Which policy or agreement is in force, whether a hold pauses a clock, and validation of policy data.
import { HOLD_REASONS, type HoldReason, type Priority } from '../tickets/types';
import type { ClockError } from './errors';
import type { ClockKind, OlaAgreement, SlaPolicy, TargetSpec } from './types';

export const DEFAULT_WARNING_THRESHOLDS: readonly number[] = [50, 75, 100];
const PRIORITIES: readonly Priority[] = [1, 2, 3, 4, 5];

interface Dated {
  readonly effectiveFrom: string;
  readonly effectiveTo?: string | null;
  readonly version: number;
}

const inForceAt = (p: Dated, at: number): boolean =>
  Date.parse(p.effectiveFrom) <= at && (p.effectiveTo == null || at < Date.parse(p.effectiveTo));

/** Latest effective date first, then highest version: a new version applies to clocks that start after it. */
const newestFirst = (a: Dated, b: Dated): number =>
  Date.parse(b.effectiveFrom) - Date.parse(a.effectiveFrom) || b.version - a.version;

/** The SLA policy for a clock starting at `at`: one for the ticket's service beats the default (serviceId null). */
export function selectSlaPolicy(policies: readonly SlaPolicy[], serviceId: string | null, at: number): SlaPolicy | null {
  const live = policies.filter((p) => inForceAt(p, at) && (p.serviceId === null || p.serviceId === serviceId));
  const specific = live.filter((p) => p.serviceId !== null).sort(newestFirst);
  const general = live.filter((p) => p.serviceId === null).sort(newestFirst);
  return specific[0] ?? general[0] ?? null;
}

export function selectOlaAgreement(agreements: readonly OlaAgreement[], groupId: string, at: number): OlaAgreement | null {
  return agreements.filter((a) => a.groupId === groupId && inForceAt(a, at)).sort(newestFirst)[0] ?? null;
}

/** A hold without a reason counts as AwaitingOther. */
export function holdPauses(policy: SlaPolicy | OlaAgreement, kind: ClockKind, reason: HoldReason | null): boolean {
  const listed = policy.pausedBy?.[kind];
  return listed === undefined ? true : listed.includes(reason ?? 'AwaitingOther');
}

export const targetFor = (policy: SlaPolicy | OlaAgreement, kind: ClockKind, priority: Priority): TargetSpec | null =>
  policy.targets[priority]?.[kind] ?? null;

export const thresholdsOf = (policy: SlaPolicy | OlaAgreement): readonly number[] =>
  policy.warningThresholds ?? DEFAULT_WARNING_THRESHOLDS;

function validateTarget(t: TargetSpec, field: string, errors: ClockError[]): void {
  const whole = t.unit !== 'businessMinutes';
  if (!['businessMinutes', 'businessDays', 'calendarDays'].includes(t.unit)) {
    errors.push({ code: 'invalid_policy', field, message: `Unknown target unit ${String(t.unit)}.` });
  } else if (!Number.isFinite(t.value) || t.value <= 0 || (whole && !Number.isInteger(t.value))) {
    errors.push({ code: 'invalid_policy', field, message: `A target must be more than 0${whole ? ' whole' : ''} ${t.unit}.` });
  }
}

/** Checks a policy or agreement; the admin pages show these messages. */
export function validateClockPolicy(p: SlaPolicy | OlaAgreement): ClockError[] {
  const errors: ClockError[] = [];
  const bad = (field: string, message: string): number => errors.push({ code: 'invalid_policy', field, message });
  if (!p.id) bad('id', 'An id is required.');
  if (!p.calendarId) bad('calendarId', 'A calendar is required.');
  if (!Number.isInteger(p.version) || p.version < 1) bad('version', 'The version is a whole number from 1.');
  if (Number.isNaN(Date.parse(p.effectiveFrom))) bad('effectiveFrom', 'The effective date must be an ISO date-time.');
  if (p.effectiveTo != null && !(Date.parse(p.effectiveTo) > Date.parse(p.effectiveFrom))) bad('effectiveTo', 'The end must be after the effective date.');
  for (const kind of ['response', 'resolution'] as const) {
    const present = PRIORITIES.filter((pr) => p.targets[pr]?.[kind]);
    if (present.length > 0 && present.length < PRIORITIES.length) {
      bad(`targets.${kind}`, `A ${kind} target is needed for every priority, or for none.`);
    }
    for (const pr of present) validateTarget(p.targets[pr][kind]!, `targets.${pr}.${kind}`, errors);
    for (const reason of p.pausedBy?.[kind] ?? []) {
      if (!HOLD_REASONS.includes(reason)) bad(`pausedBy.${kind}`, `Unknown hold reason ${reason}.`);
    }
  }
  for (const t of p.warningThresholds ?? []) {
    if (!Number.isFinite(t) || t <= 0 || t > 1000) bad('warningThresholds', 'Warning thresholds are percentages above 0.');
  }
  return errors;
}
