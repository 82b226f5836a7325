// The tickets behind a figure, from the facts of the tickets (for example the drill-down's candidates after an
// indexed query, or a test). The same rules as the aggregates: each ticket once, at its last event in the period,
// attributed to the group and service it had then.
import { KPI_CATALOGUE, type KpiId } from './catalogue';
import type { Period } from './days';
import type { KpiFilter } from './select';
import type { OpenSpan, Placed, TicketFacts } from './types';

export interface DrillDownRow {
  readonly number: string;
  /** The event that put the ticket in the population (for the backlog: the start of its open span). */
  readonly at: number;
  readonly groupId: string | null;
  readonly serviceId: string | null;
  /** For OLA figures: the stint's group and start, as several stints of one ticket can be in the population. */
  readonly stintAssignedAt?: number;
  /** For SLA and OLA figures: whether the clock was met. */
  readonly met?: boolean;
  /**
   * For backlog growth: `joined` when the ticket is in the backlog at the end but was not at the start, `left` when it
   * was at the start but is not at the end (both with the filter applied), so joined minus left is the growth.
   */
  readonly backlog?: 'joined' | 'left';
}

const keep = (p: Pick<Placed, 'groupId' | 'serviceId'>, f: KpiFilter): boolean =>
  (!f.groupIds || f.groupIds.includes(p.groupId)) && (!f.serviceIds || f.serviceIds.includes(p.serviceId));

function lastIn<T extends Placed>(events: readonly T[], p: Period, f: KpiFilter): T | null {
  let last: T | null = null;
  for (const e of events) if (p.from <= e.at && e.at < p.to) last = e;
  return last && keep(last, f) ? last : null;
}

/** Open just before the instant `t`, as the backlog counts it. */
const openJustBefore = (s: OpenSpan, t: number): boolean => s.from < t && (s.to === null || s.to >= t);

const row = (number: string, e: Placed, extra: Partial<DrillDownRow> = {}): DrillDownRow => ({ number, at: e.at, groupId: e.groupId, serviceId: e.serviceId, ...extra });

/**
 * The rows behind a KPI for a period and filter, in the figure's population (before any exclusion: a ticket that is
 * not measured, say with no SLA policy, is listed without `met`). Backlog figures list the tickets open at the end;
 * backlog growth lists the tickets that joined the backlog (open at the end, not at the start) and those that left it.
 */
export function drillDown(facts: readonly TicketFacts[], kpi: KpiId, period: Period, filter: KpiFilter = {}): DrillDownRow[] {
  const population = KPI_CATALOGUE[kpi].population;
  const rows: DrillDownRow[] = [];
  for (const t of facts) {
    switch (population) {
      case 'openedIn':
        if (period.from <= t.opened.at && t.opened.at < period.to && keep(t.opened, filter)) rows.push(row(t.number, t.opened));
        break;
      case 'resolvedIn': {
        const r = lastIn(t.resolutions, period, filter);
        const met = kpi === 'slaResolution' ? r?.sla?.met : kpi === 'slaPreviousTool' ? (t.previousToolMadeSla ?? undefined) : undefined;
        if (r) rows.push(row(t.number, r, met === undefined ? {} : { met }));
        break;
      }
      case 'closedIn':
      case 'cancelledIn':
      case 'reopenedIn': {
        const events = population === 'closedIn' ? t.closures : population === 'cancelledIn' ? t.cancellations : t.reopens;
        const e = lastIn(events, period, filter);
        if (e) rows.push(row(t.number, e));
        break;
      }
      case 'openAtEnd':
        for (const s of t.openSpans) {
          if (openJustBefore(s, period.to) && keep(s, filter)) rows.push(row(t.number, { at: s.from, groupId: s.groupId, serviceId: s.serviceId }));
        }
        break;
      case 'openAtStartAndEnd': {
        // Only the change: tickets in the end backlog and not in the start one, and the other way round.
        const atStart = t.openSpans.find((s) => openJustBefore(s, period.from) && keep(s, filter));
        const atEnd = t.openSpans.find((s) => openJustBefore(s, period.to) && keep(s, filter));
        if (atEnd && !atStart) rows.push(row(t.number, { at: atEnd.from, groupId: atEnd.groupId, serviceId: atEnd.serviceId }, { backlog: 'joined' }));
        if (atStart && !atEnd) rows.push(row(t.number, { at: atStart.from, groupId: atStart.groupId, serviceId: atStart.serviceId }, { backlog: 'left' }));
        break;
      }
      case 'respondedIn': {
        const e = t.slaResponse;
        if (e && period.from <= e.at && e.at < period.to && keep(e, filter)) rows.push(row(t.number, e, { met: e.verdict.met }));
        break;
      }
      case 'olaStintCompletedIn':
        for (const o of t.ola) {
          const e = lastIn(o.completions, period, filter);
          if (e) rows.push(row(t.number, e, { stintAssignedAt: o.assignedAt, met: e.verdict.met }));
        }
        break;
      case 'olaStintRespondedIn':
        for (const o of t.ola) {
          const e = o.response;
          if (e && period.from <= e.at && e.at < period.to && keep(e, filter)) rows.push(row(t.number, e, { stintAssignedAt: o.assignedAt, met: e.verdict.met }));
        }
        break;
      case 'ratedIn': {
        const e = lastIn(t.ratings, period, filter);
        if (e) rows.push(row(t.number, e));
        break;
      }
    }
  }
  return rows;
}
