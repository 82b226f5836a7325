// How the KPI code reads tickets. The rebuild pages the whole list by id with no filter (allowed there only); the
// refresh job and the drill-down use indexed queries: open tickets, and tickets opened, resolved or closed since an
// instant. Together those hold every ticket with an event since that instant (a reopen clears ResolvedAt and leaves
// the ticket open; a cancellation is found by its opening when it was opened in the window).
import type { ListsGateway } from '../../data/lists/lists-gateway';
import type { ListItem } from '../../data/lists/types';
import { ticketFromItem } from '../../data/mappers/tickets';
import { field, type Filter } from '../../data/odata';
import type { KpiTicketInput } from '../../domain/kpi';

const MAX_TICKETS = 2_000_000;
const PAGE = 5000;

/**
 * The list keeps OpenedAt in whole seconds while the create entry keeps milliseconds, so the engine would place the
 * opening a moment before the create entry set the group and service (opened for "no service"). Starting the ticket at
 * its first entry when that is within the same second fixes the placement and moves no clock by a second.
 */
export function kpiInputOf(item: ListItem): KpiTicketInput {
  const record = ticketFromItem(item);
  const t = record.ticket;
  const opened = Date.parse(t.openedAt);
  const first = t.history.length > 0 ? Math.min(...t.history.map((e) => Date.parse(e.at))) : Number.NaN;
  const ticket = first > opened && first - opened < 1000 ? { ...t, openedAt: new Date(first).toISOString() } : t;
  return { ticket, previousToolMadeSla: record.extras.previousToolMadeSla };
}

export interface KpiTicketSource {
  /** Every ticket, in pages (the rebuild). */
  all(): AsyncIterable<KpiTicketInput>;
  /** Tickets that may have an event at or after `since`, each once, through indexed columns (only opened: openings). */
  touchedSince(since: Date, only?: 'opened'): Promise<KpiTicketInput[]>;
}

export function graphKpiTicketSource(gateway: ListsGateway, ticketsListId: string): KpiTicketSource {
  return {
    async *all() {
      for await (const item of gateway.pageAll(ticketsListId, { top: PAGE }, { maxItems: MAX_TICKETS })) yield kpiInputOf(item);
    },
    async touchedSince(since, only) {
      const filters: Filter[] = only === 'opened'
        ? [field('OpenedAt').ge(since)]
        : [field('IsOpen').eq(true), field('OpenedAt').ge(since), field('ResolvedAt').ge(since), field('ClosedAt').ge(since)];
      const byId = new Map<string, ListItem>();
      for (const filter of filters) {
        for await (const item of gateway.pageAll(ticketsListId, { filter, top: PAGE }, { maxItems: MAX_TICKETS })) byId.set(item.id, item);
      }
      // In id order, as the rebuild reads them, so a refreshed cell has the same JSON as a rebuilt one.
      return [...byId.values()].sort((a, b) => Number(a.id) - Number(b.id) || (a.id < b.id ? -1 : 1)).map(kpiInputOf);
    },
  };
}
