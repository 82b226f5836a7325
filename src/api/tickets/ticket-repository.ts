import type { Ticket } from '../../domain/tickets/types';

/** A ticket as stored: the list item id and ETag travel with it so every update is conditional. */
export interface StoredTicket {
  readonly itemId: string;
  readonly etag: string;
  readonly ticket: Ticket;
}

export interface TicketPage {
  readonly items: readonly StoredTicket[];
  readonly nextCursor: string | null;
}

/** What the commands and queries need from ticket storage; implemented on the Graph adapter. */
export interface TicketRepository {
  /** A support group's open tickets, most urgent first, one page at a time. */
  openQueuePage(groupKey: string, options: { cursor: string | null; pageSize: number }): Promise<TicketPage>;
  findByIdempotencyKey(key: string): Promise<StoredTicket | null>;
  /** Creates the item, then gives it its number made from the item id. */
  create(ticket: Ticket, idempotencyKey: string): Promise<StoredTicket>;
}
