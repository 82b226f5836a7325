import type { Ticket } from '../../domain/tickets/types';

/** A ticket as stored: the list item id and ETag travel with it so every update is conditional. */
export interface StoredTicket {
  readonly itemId: string;
  readonly etag: string;
  readonly ticket: Ticket;
}

/** Due dates the SLA engine derives from a ticket's history; stored beside it for sorting queues. */
export interface DerivedDueDates {
  readonly responseDueAt: string | null;
  readonly resolutionDueAt: string | null;
}

export interface TicketPage {
  readonly items: readonly StoredTicket[];
  readonly nextCursor: string | null;
}

export interface PageRequest {
  readonly cursor: string | null;
  readonly pageSize: number;
}

/** What the commands and queries need from ticket storage; implemented on the Graph adapter. */
export interface TicketRepository {
  /** A support group's open tickets, most urgent first, one page at a time. */
  openQueuePage(groupKey: string, options: PageRequest): Promise<TicketPage>;
  /** Open tickets assigned to a person (IsOpen first, then AssigneeId), most urgent first. */
  assignedToPage(assigneeId: string, options: PageRequest): Promise<TicketPage>;
  /** Tickets raised by or for a person (RequesterId), newest first: open ones, finished ones, or all. */
  requestedByPage(requesterId: string, options: PageRequest & { readonly open?: boolean }): Promise<TicketPage>;
  findByNumber(number: string): Promise<StoredTicket | null>;
  findByIdempotencyKey(key: string): Promise<StoredTicket | null>;
  /** Creates the item (with its derived due dates, when given), then gives it its number made from the item id. */
  create(ticket: Ticket, idempotencyKey: string, derived?: DerivedDueDates | null): Promise<StoredTicket>;
  /**
   * Writes the next version with If-Match on `stored.etag`; the adapter's ConflictError when it changed meanwhile.
   * Derived due dates, when given, go in the same write.
   */
  update(stored: StoredTicket, next: Ticket, derived?: DerivedDueDates | null): Promise<StoredTicket>;
}
