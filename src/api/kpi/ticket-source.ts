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

export function kpiInputOf(item: ListItem): KpiTicketInput {
  const record = ticketFromItem(item);
  return { ticket: record.ticket, previousToolMadeSla: record.extras.previousToolMadeSla };
}

export interface KpiTicketSource {
  /** Every ticket, in pages (the rebuild). */
  all(): AsyncIterable<KpiTicketInput>;
  /** Tickets that may have an event at or after `since`, each once, through indexed columns. */
  touchedSince(since: Date): Promise<KpiTicketInput[]>;
}

export function graphKpiTicketSource(gateway: ListsGateway, ticketsListId: string): KpiTicketSource {
  return {
    async *all() {
      for await (const item of gateway.pageAll(ticketsListId, { top: PAGE }, { maxItems: MAX_TICKETS })) yield kpiInputOf(item);
    },
    async touchedSince(since) {
      const filters: Filter[] = [field('IsOpen').eq(true), field('OpenedAt').ge(since), field('ResolvedAt').ge(since), field('ClosedAt').ge(since)];
      const byId = new Map<string, ListItem>();
      for (const filter of filters) {
        for await (const item of gateway.pageAll(ticketsListId, { filter, top: PAGE }, { maxItems: MAX_TICKETS })) byId.set(item.id, item);
      }
      return [...byId.values()].map(kpiInputOf);
    },
  };
}
