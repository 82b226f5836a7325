// Step 2: reducers that fold ticket facts into day and month cells per (group, service). Rebuilding is folding every
// ticket's facts into empty aggregates, so it is idempotent by construction.
import { addSample, addVerdict, emptyCell, type CountTally, type Grain, type KpiCell, type ResolutionSample } from './cells';
import { DEFAULT_REPORTING_ZONE, reportingDays, type ReportingDays } from './days';
import type { Placed, TicketFacts } from './types';

export interface KpiAggregates {
  readonly zone: string;
  /** The instant the facts were taken at: figures describe the desk up to here. */
  readonly asOf: number;
  readonly tickets: number;
  readonly days: ReadonlyMap<string, KpiCell>;
  readonly months: ReadonlyMap<string, KpiCell>;
}

const SEP = '\u001f';
export const cellKey = (fromDay: number, groupId: string | null, serviceId: string | null): string =>
  `${fromDay}${SEP}${groupId ?? ''}${SEP}${serviceId ?? ''}`;

export class AggregateBuilder {
  private readonly days = new Map<string, KpiCell>();
  private readonly months = new Map<string, KpiCell>();
  private readonly calendarDays: ReportingDays;
  private tickets = 0;

  constructor(private readonly asOf: number, private readonly zone: string = DEFAULT_REPORTING_ZONE) {
    this.calendarDays = reportingDays(zone);
  }

  /** Adds one ticket's facts. Facts must be taken at this builder's asOf, else the figures would mix two instants. */
  add(f: TicketFacts): void {
    if (f.asOf !== this.asOf) throw new Error(`Facts of ${f.number} were taken at ${f.asOf}, not ${this.asOf}.`);
    this.tickets++;
    this.each(f.opened, (c) => c.opened++);
    f.resolutions.forEach((r, i) => {
      const sample: ResolutionSample = {
        calendarMs: r.calendarMs,
        businessMs: r.businessMs,
        onHoldMs: r.onHoldMs,
        reopenedBefore: r.reopensBefore > 0,
        reassignments: r.reassignmentsBefore,
        byFirstGroup: r.byFirstGroup,
        slaKey: r.sla?.key ?? null,
        slaMet: r.sla?.met ?? null,
        previousToolMadeSla: f.previousToolMadeSla,
      };
      const next = f.resolutions[i + 1]?.at;
      this.each(r, (c) => (next === undefined ? addSample(c.resolved, sample) : c.resolvedSuperseded.push({ supersededAt: next, value: sample })));
    });
    this.countAll(f.closures, (c) => c.closed);
    this.countAll(f.cancellations, (c) => c.cancelled);
    this.countAll(f.reopens, (c) => c.reopened);
    const openedDay = String(this.calendarDays.dayOf(f.opened.at));
    for (const s of f.openSpans) {
      this.each({ at: s.from, groupId: s.groupId, serviceId: s.serviceId }, (c) => bump(c.backlogNet, openedDay, 1));
      if (s.to !== null) this.each({ at: s.to, groupId: s.groupId, serviceId: s.serviceId }, (c) => bump(c.backlogNet, openedDay, -1));
    }
    if (f.slaResponse) {
      const v = f.slaResponse.verdict;
      this.each(f.slaResponse, (c) => addVerdict(c.slaResponse, v.key, v.met));
    }
    for (const o of f.ola) {
      if (o.response) {
        const v = o.response.verdict;
        this.each(o.response, (c) => addVerdict(c.olaResponse, v.key, v.met));
      }
      o.completions.forEach((e, i) => {
        const next = o.completions[i + 1]?.at;
        const v = e.verdict;
        this.each(e, (c) => (next === undefined ? addVerdict(c.olaResolution.final, v.key, v.met) : c.olaResolution.superseded.push({ supersededAt: next, value: v })));
      });
    }
    f.ratings.forEach((r, i) => {
      const next = f.ratings[i + 1]?.at;
      this.each(r, (c) => (next === undefined ? c.ratings.final[r.rating - 1]!++ : c.ratings.superseded.push({ supersededAt: next, value: r.rating })));
    });
  }

  build(): KpiAggregates {
    return { zone: this.zone, asOf: this.asOf, tickets: this.tickets, days: this.days, months: this.months };
  }

  private countAll(events: readonly Placed[], tally: (c: KpiCell) => CountTally): void {
    events.forEach((e, i) => {
      const next = events[i + 1]?.at;
      this.each(e, (c) => {
        const t = tally(c);
        if (next === undefined) t.final++;
        else t.superseded.push({ supersededAt: next, value: null });
      });
    });
  }

  /** Applies a contribution to the day cell and the month cell of the event. */
  private each(p: Placed, apply: (c: KpiCell) => void): void {
    const day = this.calendarDays.dayOf(p.at);
    apply(this.cell(this.days, 'day', day, p));
    apply(this.cell(this.months, 'month', this.calendarDays.monthOf(day), p));
  }

  private cell(map: Map<string, KpiCell>, grain: Grain, fromDay: number, p: Placed): KpiCell {
    const key = cellKey(fromDay, p.groupId, p.serviceId);
    let c = map.get(key);
    if (!c) {
      c = emptyCell(grain, fromDay, p.groupId, p.serviceId);
      map.set(key, c);
    }
    return c;
  }
}

function bump(net: Record<string, number>, key: string, by: number): void {
  const v = (net[key] ?? 0) + by;
  if (v === 0) delete net[key];
  else net[key] = v;
}

/** Rebuilds aggregates from stored facts (or freshly extracted ones). */
export function buildAggregates(facts: Iterable<TicketFacts>, asOf: number, zone: string = DEFAULT_REPORTING_ZONE): KpiAggregates {
  const b = new AggregateBuilder(asOf, zone);
  for (const f of facts) b.add(f);
  return b.build();
}

/** Aggregates from cells read back from storage (the worker stores each cell as one item). */
export function aggregatesFromCells(cells: Iterable<KpiCell>, asOf: number, tickets: number, zone: string = DEFAULT_REPORTING_ZONE): KpiAggregates {
  const days = new Map<string, KpiCell>();
  const months = new Map<string, KpiCell>();
  for (const c of cells) (c.grain === 'day' ? days : months).set(cellKey(c.fromDay, c.groupId, c.serviceId), c);
  return { zone, asOf, tickets, days, months };
}
