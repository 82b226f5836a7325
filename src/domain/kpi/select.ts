// Step 3's input: the cells that tile a period (whole months from month cells, other days from day cells), filtered
// by group and service, merged into totals in which each ticket counts once (superseded events count only when the
// event that replaced them falls after the period).
import { addSample, addTally, addVerdict, addVerdicts, emptyResolutionTally, type KpiCell, type MetBreached, type ResolutionTally } from './cells';
import { reportingDays } from './days';
import type { KpiAggregates } from './reduce';

/** Leave a list out to mean "all"; null in a list means "no group" (or "no service"). */
export interface KpiFilter {
  readonly groupIds?: readonly (string | null)[];
  readonly serviceIds?: readonly (string | null)[];
}

interface CellIndex {
  readonly byDay: Map<number, KpiCell[]>;
  readonly byMonth: Map<number, KpiCell[]>;
  readonly firstDay: number;
}

const indexes = new WeakMap<KpiAggregates, CellIndex>();

function indexOf(agg: KpiAggregates): CellIndex {
  let ix = indexes.get(agg);
  if (ix) return ix;
  const group = (cells: Iterable<KpiCell>): Map<number, KpiCell[]> => {
    const m = new Map<number, KpiCell[]>();
    for (const c of cells) {
      const list = m.get(c.fromDay);
      if (list) list.push(c);
      else m.set(c.fromDay, [c]);
    }
    return m;
  };
  const byMonth = group(agg.months.values());
  ix = { byDay: group(agg.days.values()), byMonth, firstDay: Math.min(...byMonth.keys()) };
  indexes.set(agg, ix);
  return ix;
}

function matches(c: KpiCell, f: KpiFilter): boolean {
  return (!f.groupIds || f.groupIds.includes(c.groupId)) && (!f.serviceIds || f.serviceIds.includes(c.serviceId));
}

/** The cells covering local days [fromDay, toDay), month cells where a whole month fits. */
export function cellsFor(agg: KpiAggregates, fromDay: number, toDay: number, filter: KpiFilter): KpiCell[] {
  const ix = indexOf(agg);
  const days = reportingDays(agg.zone);
  const out: KpiCell[] = [];
  const take = (cells: readonly KpiCell[] | undefined): void => {
    for (const c of cells ?? []) if (matches(c, filter)) out.push(c);
  };
  let d = Math.max(fromDay, Number.isFinite(ix.firstDay) ? ix.firstDay : toDay);
  while (d < toDay) {
    const next = days.nextMonth(d);
    if (days.monthOf(d) === d && next <= toDay) {
      take(ix.byMonth.get(d));
      d = next;
    } else {
      take(ix.byDay.get(d));
      d++;
    }
  }
  return out;
}

export interface Totals {
  opened: number;
  resolved: ResolutionTally;
  closed: number;
  cancelled: number;
  reopened: number;
  slaResponse: Record<string, MetBreached>;
  olaResponse: Record<string, MetBreached>;
  olaResolution: Record<string, MetBreached>;
  /** Counts of ratings 1..5. */
  ratings: number[];
}

/** Merges cells of a period that ends at instant `to` (the test for superseded events). */
export function mergeCells(cells: readonly KpiCell[], to: number): Totals {
  const t: Totals = {
    opened: 0,
    resolved: emptyResolutionTally(),
    closed: 0,
    cancelled: 0,
    reopened: 0,
    slaResponse: {},
    olaResponse: {},
    olaResolution: {},
    ratings: [0, 0, 0, 0, 0],
  };
  const counts = (supersededAt: number): boolean => supersededAt >= to;
  for (const c of cells) {
    t.opened += c.opened ?? 0;
    if (c.resolved) addTally(t.resolved, c.resolved);
    for (const s of c.resolvedSuperseded ?? []) if (counts(s.supersededAt)) addSample(t.resolved, s.value);
    for (const k of ['closed', 'cancelled', 'reopened'] as const) {
      const tally = c[k];
      if (tally) t[k] += tally.final + tally.superseded.filter(counts).length;
    }
    if (c.slaResponse) addVerdicts(t.slaResponse, c.slaResponse);
    if (c.olaResponse) addVerdicts(t.olaResponse, c.olaResponse);
    if (c.olaResolution) {
      addVerdicts(t.olaResolution, c.olaResolution.final);
      for (const s of c.olaResolution.superseded) if (counts(s.supersededAt)) addVerdict(t.olaResolution, s.value.key, s.value.met);
    }
    if (c.ratings) {
      c.ratings.final.forEach((n, i) => (t.ratings[i]! += n));
      for (const s of c.ratings.superseded) if (counts(s.supersededAt)) t.ratings[s.value - 1]!++;
    }
  }
  return t;
}

/** Tickets open just before the start of local day `day`, by the local day they were opened on. */
export function openBefore(agg: KpiAggregates, day: number, filter: KpiFilter): Map<number, number> {
  const byOpened = new Map<number, number>();
  for (const c of cellsFor(agg, Number.NEGATIVE_INFINITY, day, filter)) {
    const net = c.backlogNet ?? [];
    for (let i = 0; i < net.length; i += 2) byOpened.set(net[i]!, (byOpened.get(net[i]!) ?? 0) + net[i + 1]!);
  }
  for (const [k, n] of byOpened) if (n === 0) byOpened.delete(k);
  return byOpened;
}
