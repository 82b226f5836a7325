// Step 2: reducers that fold ticket facts into day and month cells per (group, service). Rebuilding is folding every
// ticket's facts into empty aggregates, so it is idempotent by construction.
import { addCell, addNet, addSample, addVerdict, countOf, dropZeros, emptyCell, olaResolutionOf, ratingsOf, resolvedOf, type CountKind, type KpiCell, type ResolutionSample } from './cells';
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
  /** Day cells by local day number, then by group and service. Month cells are sums of day cells, made in build(). */
  private readonly byDay = new Map<number, Map<string | null, Map<string | null, KpiCell>>>();
  private readonly calendarDays: ReportingDays;
  private tickets = 0;

  constructor(private readonly asOf: number, private readonly zone: string = DEFAULT_REPORTING_ZONE) {
    this.calendarDays = reportingDays(zone);
  }

  /** Adds one ticket's facts. Facts must be taken at this builder's asOf, else the figures would mix two instants. */
  add(f: TicketFacts): void {
    if (f.asOf !== this.asOf) throw new Error(`Facts of ${f.number} were taken at ${f.asOf}, not ${this.asOf}.`);
    this.tickets++;
    const openedCell = this.at(f.opened);
    openedCell.opened = (openedCell.opened ?? 0) + 1;
    const rs = f.resolutions;
    for (let i = 0; i < rs.length; i++) {
      const r = rs[i]!;
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
      const c = this.at(r);
      if (i === rs.length - 1) addSample(resolvedOf(c), sample);
      else (c.resolvedSuperseded ??= []).push({ supersededAt: rs[i + 1]!.at, value: sample });
    }
    this.countAll(f.closures, 'closed');
    this.countAll(f.cancellations, 'cancelled');
    this.countAll(f.reopens, 'reopened');
    const openedDay = this.calendarDays.dayOf(f.opened.at);
    for (const s of f.openSpans) {
      addNet((this.cellAt(s.from, s.groupId, s.serviceId).backlogNet ??= []), openedDay, 1);
      if (s.to !== null) addNet((this.cellAt(s.to, s.groupId, s.serviceId).backlogNet ??= []), openedDay, -1);
    }
    if (f.slaResponse) addVerdict((this.at(f.slaResponse).slaResponse ??= {}), f.slaResponse.verdict.key, f.slaResponse.verdict.met);
    for (const o of f.ola) {
      if (o.response) addVerdict((this.at(o.response).olaResponse ??= {}), o.response.verdict.key, o.response.verdict.met);
      const cs = o.completions;
      for (let i = 0; i < cs.length; i++) {
        const e = cs[i]!;
        const tally = olaResolutionOf(this.at(e));
        if (i === cs.length - 1) addVerdict(tally.final, e.verdict.key, e.verdict.met);
        else tally.superseded.push({ supersededAt: cs[i + 1]!.at, value: e.verdict });
      }
    }
    const ratings = f.ratings;
    for (let i = 0; i < ratings.length; i++) {
      const r = ratings[i]!;
      const tally = ratingsOf(this.at(r));
      if (i === ratings.length - 1) tally.final[r.rating - 1]!++;
      else tally.superseded.push({ supersededAt: ratings[i + 1]!.at, value: r.rating });
    }
  }

  build(): KpiAggregates {
    const days = new Map<string, KpiCell>();
    const months = new Map<string, KpiCell>();
    for (const [day, byGroup] of this.byDay) {
      const month = this.calendarDays.monthOf(day);
      for (const byService of byGroup.values()) {
        for (const c of byService.values()) {
          days.set(cellKey(day, c.groupId, c.serviceId), c);
          const key = cellKey(month, c.groupId, c.serviceId);
          let m = months.get(key);
          if (!m) months.set(key, (m = emptyCell('month', month, c.groupId, c.serviceId)));
          addCell(m, c);
          tidy(c);
        }
      }
    }
    for (const m of months.values()) tidy(m);
    return { zone: this.zone, asOf: this.asOf, tickets: this.tickets, days, months };
  }

  private countAll(events: readonly Placed[], kind: CountKind): void {
    for (let i = 0; i < events.length; i++) {
      const t = countOf(this.at(events[i]!), kind);
      if (i === events.length - 1) t.final++;
      else t.superseded.push(events[i + 1]!.at);
    }
  }

  private at(p: Placed): KpiCell {
    return this.cellAt(p.at, p.groupId, p.serviceId);
  }

  /** The day cell of an instant, for a group and service. */
  private cellAt(at: number, groupId: string | null, serviceId: string | null): KpiCell {
    const day = this.calendarDays.dayOf(at);
    let byGroup = this.byDay.get(day);
    if (!byGroup) this.byDay.set(day, (byGroup = new Map()));
    let byService = byGroup.get(groupId);
    if (!byService) byGroup.set(groupId, (byService = new Map()));
    let c = byService.get(serviceId);
    if (!c) byService.set(serviceId, (c = emptyCell('day', day, groupId, serviceId)));
    return c;
  }
}

/** A ticket opened and closed within a cell leaves a zero: drop it, and the list if nothing is left. */
function tidy(c: KpiCell): void {
  if (!c.backlogNet) return;
  const net = dropZeros(c.backlogNet);
  if (net.length > 0) c.backlogNet = net;
  else delete c.backlogNet;
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
