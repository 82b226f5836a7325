// Reads a new SLA policy version or OLA agreement draft from a request body. Shape problems and the domain's own
// checks (validateClockPolicy) come back together, each naming its field.
import type { DomainError } from '../../domain/result';
import { invalid } from '../../domain/result';
import { validateClockPolicy } from '../../domain/sla/policy';
import type { HoldPauseRules, PriorityTargets, SlaPolicy, TargetSpec, TargetsByPriority } from '../../domain/sla/types';
import type { Priority } from '../../domain/tickets/types';
import { fromDomainErrors } from '../http/api-error';
import { readName } from './parse-calendar';

type Body = Readonly<Record<string, unknown>>;
const PRIORITIES: readonly Priority[] = [1, 2, 3, 4, 5];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The fields SLA policies and OLA agreements share, without id, version and owner. */
export type PolicyCore = Pick<SlaPolicy, 'name' | 'calendarId' | 'effectiveFrom' | 'effectiveTo' | 'targets' | 'pausedBy' | 'warningThresholds' | 'warnOnlyInWorkingHours'>;

export interface PolicyContext {
  readonly key: string;
  readonly version: number;
  readonly now: number;
  readonly calendarKeys: ReadonlySet<string>;
}

function readTarget(value: unknown, field: string, errors: DomainError[]): TargetSpec | null {
  if (value === null || value === undefined) return null;
  if (!isObject(value) || typeof value.unit !== 'string' || typeof value.value !== 'number') {
    errors.push(invalid(field, 'A target is {"unit": "businessMinutes" | "businessDays" | "calendarDays", "value": a number}, or null.'));
    return null;
  }
  return { unit: value.unit, value: value.value } as TargetSpec;
}

function readTargets(value: unknown, errors: DomainError[]): TargetsByPriority {
  const empty: PriorityTargets = { response: null, resolution: null };
  const out: Record<number, PriorityTargets> = {};
  if (!isObject(value)) {
    errors.push(invalid('targets', 'Give response and resolution targets for each priority 1 to 5.'));
    for (const p of PRIORITIES) out[p] = empty;
    return out as TargetsByPriority;
  }
  for (const p of PRIORITIES) {
    const row = value[String(p)];
    if (!isObject(row)) {
      errors.push(invalid(`targets.${p}`, `Give the targets for priority ${p} (null for a clock the policy leaves out).`));
      out[p] = empty;
      continue;
    }
    out[p] = { response: readTarget(row.response, `targets.${p}.response`, errors), resolution: readTarget(row.resolution, `targets.${p}.resolution`, errors) };
  }
  return out as TargetsByPriority;
}

function readPausedBy(value: unknown, errors: DomainError[]): HoldPauseRules | undefined {
  if (value === null || value === undefined) return undefined;
  if (!isObject(value)) {
    errors.push(invalid('pausedBy', 'pausedBy is {"response": [hold reasons], "resolution": [hold reasons]}.'));
    return undefined;
  }
  const out: { response?: string[]; resolution?: string[] } = {};
  for (const kind of ['response', 'resolution'] as const) {
    const list = value[kind];
    if (list === undefined) continue;
    if (!Array.isArray(list) || !list.every((r) => typeof r === 'string')) errors.push(invalid(`pausedBy.${kind}`, 'Give a list of hold reasons.'));
    else out[kind] = list;
  }
  return out as HoldPauseRules;
}

function readInstant(value: unknown, field: string, errors: DomainError[]): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value)) || !/T\d{2}:\d{2}/.test(value)) {
    errors.push(invalid(field, 'Give an ISO date and time, for example 2025-04-01T00:00:00Z.'));
    return null;
  }
  return new Date(Date.parse(value)).toISOString();
}

/** A new version may start now or later, never earlier: clocks already started keep the version they began with. */
function readEffectiveFrom(value: unknown, now: number, errors: DomainError[]): string {
  const given = readInstant(value, 'effectiveFrom', errors);
  if (given === null) return new Date(now).toISOString();
  // A minute's grace for the admin's own clock; anything older would rewrite clocks that already ran.
  if (Date.parse(given) < now - 60_000) {
    errors.push(invalid('effectiveFrom', 'A new version cannot start in the past: clocks that already started keep the version in force then. Choose now or a later date.'));
  }
  return given;
}

/** Throws a 400 with every problem; returns the fields both kinds share. */
export function parsePolicyCore(body: Body, ctx: PolicyContext, extra: (errors: DomainError[]) => void): PolicyCore {
  const errors: DomainError[] = [];
  const name = readName(body.name, errors);
  const calendarId = typeof body.calendarKey === 'string' ? body.calendarKey.trim() : '';
  if (!ctx.calendarKeys.has(calendarId)) errors.push(invalid('calendarKey', calendarId ? `There is no calendar "${calendarId}".` : 'Choose a calendar.'));
  const effectiveFrom = readEffectiveFrom(body.effectiveFrom, ctx.now, errors);
  const effectiveTo = readInstant(body.effectiveTo, 'effectiveTo', errors);
  const targets = readTargets(body.targets, errors);
  const pausedBy = readPausedBy(body.pausedBy, errors);
  const thresholds = body.warningThresholds;
  if (thresholds !== undefined && thresholds !== null && (!Array.isArray(thresholds) || !thresholds.every((t) => typeof t === 'number'))) {
    errors.push(invalid('warningThresholds', 'Give warning thresholds as a list of percentages, for example [50, 75, 100].'));
  }
  const warnOnly = body.warnOnlyInWorkingHours;
  if (warnOnly !== undefined && typeof warnOnly !== 'boolean') errors.push(invalid('warnOnlyInWorkingHours', 'Give true or false.'));
  extra(errors);
  const core: PolicyCore = {
    name,
    calendarId,
    effectiveFrom,
    effectiveTo,
    targets,
    ...(pausedBy ? { pausedBy } : {}),
    ...(Array.isArray(thresholds) ? { warningThresholds: [...new Set(thresholds as number[])].sort((a, b) => a - b) } : {}),
    warnOnlyInWorkingHours: warnOnly !== false,
  };
  if (errors.length === 0) {
    const domain = validateClockPolicy({ ...core, id: ctx.key, version: ctx.version, serviceId: null });
    for (const e of domain) errors.push(invalid(e.field ?? 'policy', e.message));
  }
  if (errors.length > 0) throw fromDomainErrors(errors);
  return core;
}
