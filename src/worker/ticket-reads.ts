// The worker's reads of tickets: two fixed queries, each led by an indexed column that narrows below the list view
// threshold. Open tickets: IsOpen (what queues carry). Resolved: State, a transient state that auto-close drains
// within a few working days, so it stays small (docs/decisions/0152).
import type { ListsGateway } from '../data/lists/lists-gateway';
import type { ListItem } from '../data/lists/types';
import { ticketFromItem } from '../data/mappers/tickets';
import { field } from '../data/odata';
import { numberFromItemId } from '../api/tickets/graph-ticket-repository';
import type { StoredTicket } from '../api/tickets/ticket-repository';

export interface WorkerTicketReads {
  open(): Promise<StoredTicket[]>;
  resolved(): Promise<StoredTicket[]>;
}

/** SharePoint refuses an indexed filter that matches more than this; so does the local store. */
const THRESHOLD = 5000;

function toStored(item: ListItem): StoredTicket {
  const record = ticketFromItem(item);
  // A create whose numbering write was lost: name it as the API does (docs/decisions/0004).
  const ticket = record.ticket.number.startsWith('NEW-') ? { ...record.ticket, number: numberFromItemId(record.ticket.type, record.itemId) } : record.ticket;
  return { itemId: record.itemId, etag: record.etag, ticket };
}

export function graphTicketReads(gateway: ListsGateway, ticketsListId: string): WorkerTicketReads {
  const all = async (filter: ReturnType<ReturnType<typeof field>['eq']>): Promise<StoredTicket[]> =>
    (await gateway.listAll(ticketsListId, { filter, top: 500 }, { maxItems: THRESHOLD })).map(toStored);
  return {
    open: () => all(field('IsOpen').eq(true)),
    resolved: () => all(field('State').eq('Resolved')),
  };
}
