// Step 2's data: additive aggregate cells keyed by (day or month, group, service). Sums and counts, plus the exact
// durations (unsorted lists, merged by concatenation; see docs/decisions/0081). Events that a later event of the same
// kind for the same ticket may supersede are kept apart with the instant of that later event, so a figure can count
// each ticket once, at its last event in the period (docs/decisions/0080). Cells are plain JSON.

export interface MetBreached {
  met: number;
  breached: number;
}

/** What a resolution contributes to the figures whose population is "resolved in the period". */
export interface ResolutionSample {
  readonly calendarMs: number;
  readonly businessMs: number | null;
  readonly onHoldMs: number;
  readonly reopenedBefore: boolean;
  readonly reassignments: number;
  readonly byFirstGroup: boolean | null;
  readonly slaKey: string | null;
  readonly slaMet: boolean | null;
  readonly previousToolMadeSla: boolean | null;
}

export interface ResolutionTally {
  tickets: number;
  calendarMs: number[];
  /** Business durations; tickets whose business time could not be measured are simply absent. */
  businessMs: number[];
  onHoldMs: number;
  reopenedBefore: number;
  reassignments: number;
  /** Of the tickets that had a group when resolved, how many were resolved by their first group. */
  byFirstGroup: number;
  withGroup: number;
  /** SLA resolution verdicts by policy key. */
  sla: Record<string, MetBreached>;
  previousTool: MetBreached;
}

/** An event that a later one of the same kind replaced; it counts in a period only if that later one is not in it. */
export interface Superseded<T> {
  readonly supersededAt: number;
  readonly value: T;
}

export interface CountTally {
  final: number;
  superseded: Superseded<null>[];
}

export interface VerdictTally {
  final: Record<string, MetBreached>;
  superseded: Superseded<{ readonly key: string; readonly met: boolean }>[];
}

export interface RatingTally {
  /** Counts of ratings 1..5 at index 0..4. */
  final: number[];
  superseded: Superseded<number>[];
}

export type Grain = 'day' | 'month';

export interface KpiCell {
  readonly grain: Grain;
  /** Local day number of the cell's first day (the first of the month for a month cell). */
  readonly fromDay: number;
  readonly groupId: string | null;
  readonly serviceId: string | null;
  opened: number;
  resolved: ResolutionTally;
  resolvedSuperseded: Superseded<ResolutionSample>[];
  closed: CountTally;
  cancelled: CountTally;
  reopened: CountTally;
  /** Net change of open tickets, by the local day number on which each was opened (for backlog and its ages). */
  backlogNet: Record<string, number>;
  slaResponse: Record<string, MetBreached>;
  olaResponse: Record<string, MetBreached>;
  olaResolution: VerdictTally;
  ratings: RatingTally;
}

export const emptyResolutionTally = (): ResolutionTally => ({
  tickets: 0,
  calendarMs: [],
  businessMs: [],
  onHoldMs: 0,
  reopenedBefore: 0,
  reassignments: 0,
  byFirstGroup: 0,
  withGroup: 0,
  sla: {},
  previousTool: { met: 0, breached: 0 },
});

export function emptyCell(grain: Grain, fromDay: number, groupId: string | null, serviceId: string | null): KpiCell {
  return {
    grain,
    fromDay,
    groupId,
    serviceId,
    opened: 0,
    resolved: emptyResolutionTally(),
    resolvedSuperseded: [],
    closed: { final: 0, superseded: [] },
    cancelled: { final: 0, superseded: [] },
    reopened: { final: 0, superseded: [] },
    backlogNet: {},
    slaResponse: {},
    olaResponse: {},
    olaResolution: { final: {}, superseded: [] },
    ratings: { final: [0, 0, 0, 0, 0], superseded: [] },
  };
}

export function addVerdict(into: Record<string, MetBreached>, key: string, met: boolean, n = 1): void {
  const v = (into[key] ??= { met: 0, breached: 0 });
  if (met) v.met += n;
  else v.breached += n;
}

export function addVerdicts(into: Record<string, MetBreached>, from: Readonly<Record<string, MetBreached>>): void {
  for (const [key, v] of Object.entries(from)) {
    const t = (into[key] ??= { met: 0, breached: 0 });
    t.met += v.met;
    t.breached += v.breached;
  }
}

export function addSample(t: ResolutionTally, s: ResolutionSample): void {
  t.tickets++;
  t.calendarMs.push(s.calendarMs);
  if (s.businessMs !== null) t.businessMs.push(s.businessMs);
  t.onHoldMs += s.onHoldMs;
  if (s.reopenedBefore) t.reopenedBefore++;
  t.reassignments += s.reassignments;
  if (s.byFirstGroup !== null) {
    t.withGroup++;
    if (s.byFirstGroup) t.byFirstGroup++;
  }
  if (s.slaKey !== null && s.slaMet !== null) addVerdict(t.sla, s.slaKey, s.slaMet);
  if (s.previousToolMadeSla === true) t.previousTool.met++;
  if (s.previousToolMadeSla === false) t.previousTool.breached++;
}

export function addTally(into: ResolutionTally, from: ResolutionTally): void {
  into.tickets += from.tickets;
  for (const v of from.calendarMs) into.calendarMs.push(v);
  for (const v of from.businessMs) into.businessMs.push(v);
  into.onHoldMs += from.onHoldMs;
  into.reopenedBefore += from.reopenedBefore;
  into.reassignments += from.reassignments;
  into.byFirstGroup += from.byFirstGroup;
  into.withGroup += from.withGroup;
  addVerdicts(into.sla, from.sla);
  into.previousTool.met += from.previousTool.met;
  into.previousTool.breached += from.previousTool.breached;
}

/** Life of a resolved ticket for the on-hold share is its calendar duration, so the tally needs no separate sum. */
export const lifeMsOf = (t: ResolutionTally): number => t.calendarMs.reduce((a, b) => a + b, 0);

/** Adds every count, sum, list and pending (superseded) event of one cell into another: cells are additive. */
export function addCell(into: KpiCell, from: KpiCell): void {
  into.opened += from.opened;
  addTally(into.resolved, from.resolved);
  into.resolvedSuperseded.push(...from.resolvedSuperseded);
  for (const k of ['closed', 'cancelled', 'reopened'] as const) {
    into[k].final += from[k].final;
    into[k].superseded.push(...from[k].superseded);
  }
  for (const [day, n] of Object.entries(from.backlogNet)) {
    const v = (into.backlogNet[day] ?? 0) + n;
    if (v === 0) delete into.backlogNet[day];
    else into.backlogNet[day] = v;
  }
  addVerdicts(into.slaResponse, from.slaResponse);
  addVerdicts(into.olaResponse, from.olaResponse);
  addVerdicts(into.olaResolution.final, from.olaResolution.final);
  into.olaResolution.superseded.push(...from.olaResolution.superseded);
  from.ratings.final.forEach((n, i) => (into.ratings.final[i]! += n));
  into.ratings.superseded.push(...from.ratings.superseded);
}
