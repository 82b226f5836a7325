import { ConflictError, NotFoundError } from '../../data/errors';
import type { ListsGateway } from '../../data/lists/lists-gateway';
import type { ItemPage } from '../../data/lists/types';
import { ticketFromItem, ticketToFields } from '../../data/mappers/tickets';
import type { Filter, OrderBy } from '../../data/odata';
import { ITEM_ID, and, field, orderBy } from '../../data/odata';
import type { Ticket, TicketType } from '../../domain/tickets/types';
import { decodeCursor, encodeCursor } from './cursor';
import type { PageRequest, StoredTicket, TicketPage, TicketRepository } from './ticket-repository';

const NUMBER_PREFIX: Record<TicketType, string> = { Incident: 'INC', ServiceRequest: 'REQ', FulfilmentTask: 'TASK' };

/** A ticket number made from the item id; the hyphen keeps it apart from imported numbers (INC0000045). */
export const numberFromItemId = (type: TicketType, itemId: string): string => `${NUMBER_PREFIX[type]}-${itemId}`;

const PROVISIONAL = 'NEW-';
// Item ids are positive and have no leading zero: anything else cannot name an item.
const PRODUCT_NUMBER = /^(INC|REQ|TASK)-([1-9]\d{0,14})$/;

/**
 * A ticket whose numbering write was lost still carries its provisional number (docs/decisions/0004); it is shown
 * with the number it is about to get, and the next write of the item stores that number.
 */
function toStored(item: Parameters<typeof ticketFromItem>[0]): StoredTicket {
  const record = ticketFromItem(item);
  const ticket = record.ticket.number.startsWith(PROVISIONAL)
    ? { ...record.ticket, number: numberFromItemId(record.ticket.type, record.itemId) }
    : record.ticket;
  return { itemId: record.itemId, etag: record.etag, ticket };
}

const isProvisional = (item: Parameters<typeof ticketFromItem>[0]): boolean => String(item.fields['TicketNumber'] ?? '').startsWith(PROVISIONAL);

/** Tickets on the SharePoint list (or the local store), through the Graph adapter. */
export function createGraphTicketRepository(gateway: ListsGateway, listId: string): TicketRepository {
  // Every query leads with an indexed clause that narrows below the list view threshold (docs/decisions/0005).
  async function page(scope: string, query: { filter: Filter; orderBy: OrderBy }, { cursor, pageSize }: PageRequest): Promise<TicketPage> {
    const found: ItemPage = cursor
      ? await gateway.nextPage(decodeCursor(cursor, scope, listId))
      : await gateway.queryItems(listId, { ...query, top: pageSize });
    return { items: found.items.map(toStored), nextCursor: found.nextLink ? encodeCursor(scope, found.nextLink) : null };
  }

  async function finishNumbering(stored: StoredTicket): Promise<StoredTicket> {
    const number = numberFromItemId(stored.ticket.type, stored.itemId);
    try {
      const updated = await gateway.updateItem(listId, stored.itemId, { TicketNumber: number }, stored.etag);
      return { itemId: stored.itemId, etag: updated.etag, ticket: { ...stored.ticket, number } };
    } catch (error) {
      // A concurrent retry of the same create numbered it first: read what it wrote.
      if (error instanceof ConflictError) return toStored(await gateway.getItem(listId, stored.itemId));
      throw error;
    }
  }

  return {
    openQueuePage: (groupKey, request) =>
      page(`queue:${groupKey}`, { filter: and(field('IsOpen').eq(true), field('AssignedGroupId').eq(groupKey)), orderBy: orderBy('Priority', 'OpenedAt') }, request),

    assignedToPage: (assigneeId, request) =>
      page(`assignee:${assigneeId}`, { filter: and(field('IsOpen').eq(true), field('AssigneeId').eq(assigneeId)), orderBy: orderBy('Priority', 'OpenedAt') }, request),

    requestedByPage: (requesterId, request) => {
      const byRequester = field('RequesterId').eq(requesterId);
      const filter = request.open === undefined ? byRequester : and(byRequester, field('IsOpen').eq(request.open));
      // SharePoint keeps whole seconds: the item id orders tickets raised in the same second.
      return page(`requester:${requesterId}:${String(request.open ?? 'all')}`, { filter, orderBy: orderBy(['OpenedAt', 'desc'], [ITEM_ID, 'desc']) }, request);
    },

    async findByNumber(number) {
      const found = await gateway.queryItems(listId, { filter: field('TicketNumber').eq(number), top: 2 });
      const first = found.items[0];
      if (first) return toStored(first);
      // Not stored under its number yet: a product number names its item id, so look there for a provisional one.
      const match = PRODUCT_NUMBER.exec(number);
      if (!match) return null;
      try {
        const item = await gateway.getItem(listId, match[2]!);
        const stored = isProvisional(item) ? toStored(item) : null;
        return stored?.ticket.number === number ? stored : null;
      } catch (error) {
        if (error instanceof NotFoundError) return null;
        throw error;
      }
    },

    async findByIdempotencyKey(key) {
      const found = await gateway.queryItems(listId, { filter: field('IdempotencyKey').eq(key), top: 2 });
      const first = found.items[0];
      if (!first) return null;
      return isProvisional(first) ? finishNumbering(toStored(first)) : toStored(first);
    },

    async create(ticket: Ticket, idempotencyKey: string, derived) {
      const item = await gateway.createItem(listId, ticketToFields(ticket, { idempotencyKey, ...(derived ?? {}) }));
      return finishNumbering(toStored(item));
    },

    async update(stored, next, derived) {
      // The whole item is written: state, assignment, derived fields and the appended history in one If-Match write.
      const updated = await gateway.updateItem(listId, stored.itemId, ticketToFields(next, derived ?? {}, stored.itemId), stored.etag);
      // Graph answers with the stored fields: read the ticket back from them, as stored (instants to the second).
      const echoed = typeof updated.fields['TicketNumber'] === 'string' ? toStored({ id: stored.itemId, etag: updated.etag, fields: updated.fields }).ticket : next;
      return { itemId: stored.itemId, etag: updated.etag, ticket: echoed };
    },
  };
}
