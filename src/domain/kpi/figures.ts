// Step 3: every KPI for a period and filter, from merged cells. Counts of zero are values; a rate or average over no
// tickets is "no data" (value null), never NaN.
import { KPI_CATALOGUE, type KpiId, type Population, type FigureUnit } from './catalogue';
import type { MetBreached } from './cells';
import { daysOfPeriod, reportingDays, type Period } from './days';
import type { KpiAggregates } from './reduce';
import { cellsFor, mergeCells, openBefore, type KpiFilter, type Totals } from './select';
import { mean, medianOfSorted, percent, percentileOfSorted, ratio, sortedCopy } from './stats';

export interface KpiQuery extends KpiFilter {
  readonly period: Period;
  /** SLA verdicts under this policy id only (every version); every policy when left out. */
  readonly slaPolicyId?: string;
  /** Upper bounds (whole days, inclusive) of the backlog age buckets but the last, ascending. */
  readonly ageBounds?: readonly number[];
}

export const DEFAULT_AGE_BOUNDS: readonly number[] = [1, 3, 7, 14, 30, 90];

export interface PolicyBreakdown {
  /** `${id}@${version}` of the SLA policy or OLA agreement the clocks ran under. */
  readonly key: string;
  readonly met: number;
  readonly breached: number;
}

export interface AgeBucket {
  readonly minDays: number;
  readonly maxDays: number | null;
  readonly tickets: number;
}

export interface Figure {
  readonly kpi: KpiId;
  readonly population: Population;
  readonly unit: FigureUnit;
  /** Tickets (for OLA figures: stints) in the population. */
  readonly populationSize: number;
  /** null means "no data": an average or a rate over nothing. Durations are milliseconds, percentages 0 to 100. */
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  /** In the population but not measured: no policy or agreement, no calendar data, no group, no recorded outcome. */
  readonly excluded: number;
  readonly byPolicy?: readonly PolicyBreakdown[];
  readonly buckets?: readonly AgeBucket[];
  /** Satisfaction: tickets per rating 1..5. */
  readonly distribution?: readonly number[];
  /** Backlog growth: the backlog at the start of the period. */
  readonly atStart?: number;
}

export interface KpiFigures {
  readonly period: Period;
  readonly asOf: number;
  /** True when the period ends after the facts were taken: the figures cover it only up to asOf. */
  readonly partial: boolean;
  readonly figures: Readonly<Record<KpiId, Figure>>;
}

export type FiguresResult =
  | { readonly ok: true; readonly value: KpiFigures }
  | { readonly ok: false; readonly error: { readonly code: 'period_not_aligned'; readonly message: string } };

type Extra = Omit<Partial<Figure>, 'kpi' | 'population' | 'unit'>;

function figure(kpi: KpiId, populationSize: number, value: number | null, extra: Extra = {}): Figure {
  const d = KPI_CATALOGUE[kpi];
  return { kpi, population: d.population, unit: d.unit, populationSize, value, numerator: null, denominator: null, excluded: 0, ...extra };
}

const count = (kpi: KpiId, n: number): Figure => figure(kpi, n, n);

function verdictFigure(kpi: KpiId, tallies: Readonly<Record<string, MetBreached>>, populationSize: number | null, keep: (key: string) => boolean): Figure {
  const byPolicy = Object.entries(tallies)
    .filter(([key]) => keep(key))
    .map(([key, v]) => ({ key, met: v.met, breached: v.breached }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const met = byPolicy.reduce((s, p) => s + p.met, 0);
  const measured = byPolicy.reduce((s, p) => s + p.met + p.breached, 0);
  const size = populationSize ?? measured;
  return figure(kpi, size, percent(met, measured), { numerator: met, denominator: measured, excluded: size - measured, byPolicy });
}

function durationFigures(ids: readonly [KpiId, KpiId, KpiId], values: readonly number[], populationSize: number): Figure[] {
  const sorted = sortedCopy(values);
  const sum = sorted.reduce((a, b) => a + b, 0);
  const extra = { denominator: sorted.length, excluded: populationSize - sorted.length };
  return [
    figure(ids[0], populationSize, mean(sorted), { ...extra, numerator: sum }),
    figure(ids[1], populationSize, medianOfSorted(sorted), extra),
    figure(ids[2], populationSize, percentileOfSorted(sorted, 90), extra),
  ];
}

function ageBuckets(open: ReadonlyMap<number, number>, lastDay: number, bounds: readonly number[]): AgeBucket[] {
  const buckets: { minDays: number; maxDays: number | null; tickets: number }[] = [];
  let min = 0;
  for (const b of bounds) {
    buckets.push({ minDays: min, maxDays: b, tickets: 0 });
    min = b + 1;
  }
  buckets.push({ minDays: min, maxDays: null, tickets: 0 });
  for (const [openedDay, n] of open) {
    const age = Math.max(0, lastDay - openedDay);
    const bucket = buckets.find((x) => x.maxDays === null || age <= x.maxDays)!;
    bucket.tickets += n;
  }
  return buckets;
}

const total = (open: ReadonlyMap<number, number>): number => [...open.values()].reduce((a, b) => a + b, 0);

function resolvedFigures(t: Totals, q: KpiQuery): Figure[] {
  const r = t.resolved;
  const n = r.tickets;
  const prev = r.previousTool.met + r.previousTool.breached;
  const keepSla = (key: string): boolean => q.slaPolicyId === undefined || key.slice(0, key.lastIndexOf('@')) === q.slaPolicyId;
  return [
    count('resolved', n),
    ...durationFigures(['mttrCalendarMean', 'mttrCalendarMedian', 'mttrCalendarP90'], r.calendarMs, n),
    ...durationFigures(['mttrBusinessMean', 'mttrBusinessMedian', 'mttrBusinessP90'], r.businessMs, n),
    verdictFigure('slaResolution', r.sla, n, keepSla),
    figure('slaPreviousTool', n, percent(r.previousTool.met, prev), { numerator: r.previousTool.met, denominator: prev, excluded: n - prev }),
    figure('firstGroupResolution', n, percent(r.byFirstGroup, r.withGroup), { numerator: r.byFirstGroup, denominator: r.withGroup, excluded: n - r.withGroup }),
    figure('reopenRate', n, percent(r.reopenedBefore, n), { numerator: r.reopenedBefore, denominator: n }),
    figure('reassignmentsPerTicket', n, ratio(r.reassignments, n), { numerator: r.reassignments, denominator: n }),
  ];
}

function onHoldFigure(t: Totals): Figure {
  const life = t.resolved.calendarMs.reduce((a, b) => a + b, 0);
  return figure('onHoldShare', t.resolved.tickets, percent(t.resolved.onHoldMs, life), { numerator: t.resolved.onHoldMs, denominator: life });
}

function satisfactionFigure(t: Totals): Figure {
  const rated = t.ratings.reduce((a, b) => a + b, 0);
  const sum = t.ratings.reduce((a, n, i) => a + n * (i + 1), 0);
  return figure('satisfaction', rated, ratio(sum, rated), { numerator: sum, denominator: rated, distribution: [...t.ratings] });
}

export function computeKpiFigures(agg: KpiAggregates, q: KpiQuery): FiguresResult {
  const days = reportingDays(agg.zone);
  const span = daysOfPeriod(days, q.period);
  if (!span) return { ok: false, error: { code: 'period_not_aligned', message: `A period must run from one local midnight in ${agg.zone} to a later one.` } };
  const t = mergeCells(cellsFor(agg, span.fromDay, span.toDay, q), q.period.to);
  const openAtEnd = openBefore(agg, span.toDay, q);
  const backlogEnd = total(openAtEnd);
  const backlogStart = total(openBefore(agg, span.fromDay, q));
  const all: Figure[] = [
    count('opened', t.opened),
    ...resolvedFigures(t, q),
    count('closed', t.closed),
    count('cancelled', t.cancelled),
    count('reopened', t.reopened),
    count('backlog', backlogEnd),
    figure('backlogGrowth', backlogEnd, backlogEnd - backlogStart, { atStart: backlogStart }),
    figure('backlogAge', backlogEnd, backlogEnd, { buckets: ageBuckets(openAtEnd, span.toDay - 1, q.ageBounds ?? DEFAULT_AGE_BOUNDS) }),
    verdictFigure('slaResponse', t.slaResponse, null, () => true),
    verdictFigure('olaResolution', t.olaResolution, null, () => true),
    verdictFigure('olaResponse', t.olaResponse, null, () => true),
    onHoldFigure(t),
    satisfactionFigure(t),
  ];
  const figures = Object.fromEntries(all.map((f) => [f.kpi, f])) as Record<KpiId, Figure>;
  return { ok: true, value: { period: q.period, asOf: agg.asOf, partial: q.period.to > agg.asOf, figures } };
}

/** OLA compliance for each group that completed a stint in the period (the OLA review's rows). */
export function computeOlaByGroup(agg: KpiAggregates, q: KpiQuery): { groupId: string; resolution: Figure; response: Figure }[] | null {
  const span = daysOfPeriod(reportingDays(agg.zone), q.period);
  if (!span) return null;
  const groups = new Set<string>();
  for (const c of cellsFor(agg, span.fromDay, span.toDay, q)) if (c.groupId !== null) groups.add(c.groupId);
  const rows = [...groups].sort().map((groupId) => {
    const t = mergeCells(cellsFor(agg, span.fromDay, span.toDay, { ...q, groupIds: [groupId] }), q.period.to);
    return {
      groupId,
      resolution: verdictFigure('olaResolution', t.olaResolution, null, () => true),
      response: verdictFigure('olaResponse', t.olaResponse, null, () => true),
    };
  });
  return rows.filter((r) => r.resolution.populationSize + r.response.populationSize > 0);
}
