// Step 2's data: additive aggregate cells keyed by (day or month, group, service). Sums and counts, plus the exact
// durations (unsorted lists, merged by concatenation; see docs/decisions/0081). Events that a later event of the same
// kind for the same ticket may supersede are kept apart with the instant of that later event, so a figure can count
// each ticket once, at its last event in the period (docs/decisions/0080). Cells are plain JSON, and a part a cell
// never needed is left out: most day cells hold one or two events, and a full empty cell costs a kilobyte.

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
  /** For each replaced event, the instant of the event that replaced it. */
  superseded: number[];
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
export type CountKind = 'closed' | 'cancelled' | 'reopened';

export interface KpiCell {
  readonly grain: Grain;
  /** Local day number of the cell's first day (the first of the month for a month cell). */
  readonly fromDay: number;
  readonly groupId: string | null;
  readonly serviceId: string | null;
  opened?: number;
  resolved?: ResolutionTally;
  resolvedSuperseded?: Superseded<ResolutionSample>[];
  closed?: CountTally;
  cancelled?: CountTally;
  reopened?: CountTally;
  /**
   * Net change of open tickets, by the local day number on which each was opened (for backlog and its ages), as flat
   * pairs [openedDay, change, openedDay, change, ...]: short, and JSON as it is.
   */
  backlogNet?: number[];
  slaResponse?: Record<string, MetBreached>;
  olaResponse?: Record<string, MetBreached>;
  olaResolution?: VerdictTally;
  ratings?: RatingTally;
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

export const emptyCell = (grain: Grain, fromDay: number, groupId: string | null, serviceId: string | null): KpiCell => ({ grain, fromDay, groupId, serviceId });

// Parts of a cell, created on first use.
export const resolvedOf = (c: KpiCell): ResolutionTally => (c.resolved ??= emptyResolutionTally());
export const countOf = (c: KpiCell, kind: CountKind): CountTally => (c[kind] ??= { final: 0, superseded: [] });
export const olaResolutionOf = (c: KpiCell): VerdictTally => (c.olaResolution ??= { final: {}, superseded: [] });
export const ratingsOf = (c: KpiCell): RatingTally => (c.ratings ??= { final: [0, 0, 0, 0, 0], superseded: [] });

export function addVerdict(into: Record<string, MetBreached>, key: string, met: boolean, n = 1): void {
  const v = (into[key] ??= { met: 0, breached: 0 });
  if (met) v.met += n;
  else v.breached += n;
}

export function addVerdicts(into: Record<string, MetBreached>, from: Readonly<Record<string, MetBreached>>): void {
  for (const key in from) {
    const v = from[key]!;
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

/** Adds a change to the pair for `openedDay`, appending the pair if it is new. Zeros stay until dropZeros(). */
export function addNet(net: number[], openedDay: number, change: number): void {
  for (let i = 0; i < net.length; i += 2) {
    if (net[i] === openedDay) {
      net[i + 1]! += change;
      return;
    }
  }
  net.push(openedDay, change);
}

export function dropZeros(net: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < net.length; i += 2) if (net[i + 1] !== 0) out.push(net[i]!, net[i + 1]!);
  return out;
}

const append = <T>(into: T[], from: readonly T[]): void => {
  for (const x of from) into.push(x);
};

/** Adds every count, sum, list and pending (superseded) event of one cell into another: cells are additive. */
export function addCell(into: KpiCell, from: KpiCell): void {
  if (from.opened) into.opened = (into.opened ?? 0) + from.opened;
  if (from.resolved) addTally(resolvedOf(into), from.resolved);
  if (from.resolvedSuperseded) append((into.resolvedSuperseded ??= []), from.resolvedSuperseded);
  for (const k of ['closed', 'cancelled', 'reopened'] as const) {
    const f = from[k];
    if (!f) continue;
    const t = countOf(into, k);
    t.final += f.final;
    append(t.superseded, f.superseded);
  }
  if (from.backlogNet) {
    const net = (into.backlogNet ??= []);
    for (let i = 0; i < from.backlogNet.length; i += 2) addNet(net, from.backlogNet[i]!, from.backlogNet[i + 1]!);
  }
  if (from.slaResponse) addVerdicts((into.slaResponse ??= {}), from.slaResponse);
  if (from.olaResponse) addVerdicts((into.olaResponse ??= {}), from.olaResponse);
  if (from.olaResolution) {
    const t = olaResolutionOf(into);
    addVerdicts(t.final, from.olaResolution.final);
    append(t.superseded, from.olaResolution.superseded);
  }
  if (from.ratings) {
    const t = ratingsOf(into);
    from.ratings.final.forEach((n, i) => (t.final[i]! += n));
    append(t.superseded, from.ratings.superseded);
  }
}
