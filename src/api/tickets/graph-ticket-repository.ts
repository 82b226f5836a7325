import { ConflictError } from '../../data/errors';
import type { ListsGateway } from '../../data/lists/lists-gateway';
import { ticketFromItem, ticketToFields } from '../../data/mappers/tickets';
import { and, field, orderBy } from '../../data/odata';
import type { Ticket, TicketType } from '../../domain/tickets/types';
import { badRequest } from '../http/api-error';
import type { StoredTicket, TicketPage, TicketRepository } from './ticket-repository';

const NUMBER_PREFIX: Record<TicketType, string> = { Incident: 'INC', ServiceRequest: 'REQ', FulfilmentTask: 'TASK' };

/** A ticket number made from the item id; the hyphen keeps it apart from imported numbers (INC0000045). */
export const numberFromItemId = (type: TicketType, itemId: string): string => `${NUMBER_PREFIX[type]}-${itemId}`;

interface Cursor {
  readonly group: string;
  readonly link: string;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

function decodeCursor(raw: string, group: string, listId: string): string {
  let cursor: Partial<Cursor>;
  try {
    cursor = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<Cursor>;
  } catch {
    throw badRequest('The cursor is not one this API handed out.', 'cursor');
  }
  // A cursor only continues the query it came from: same group, same list.
  if (cursor.group !== group || typeof cursor.link !== 'string' || !cursor.link.includes(`/lists/${encodeURIComponent(listId)}/items`)) {
    throw badRequest('The cursor belongs to another queue; start again from the first page.', 'cursor');
  }
  return cursor.link;
}

function toStored(item: Parameters<typeof ticketFromItem>[0]): StoredTicket {
  const record = ticketFromItem(item);
  return { itemId: record.itemId, etag: record.etag, ticket: record.ticket };
}

/** Tickets on the SharePoint list (or the local store), through the Graph adapter. */
export function createGraphTicketRepository(gateway: ListsGateway, listId: string): TicketRepository {
  return {
    async openQueuePage(groupKey, { cursor, pageSize }): Promise<TicketPage> {
      const page = cursor
        ? await gateway.nextPage(decodeCursor(cursor, groupKey, listId))
        : await gateway.queryItems(listId, {
            filter: and(field('IsOpen').eq(true), field('AssignedGroupId').eq(groupKey)),
            orderBy: orderBy('Priority', 'OpenedAt'),
            top: pageSize,
          });
      return {
        items: page.items.map(toStored),
        nextCursor: page.nextLink ? encodeCursor({ group: groupKey, link: page.nextLink }) : null,
      };
    },

    async findByIdempotencyKey(key) {
      const page = await gateway.queryItems(listId, { filter: field('IdempotencyKey').eq(key), top: 2 });
      const first = page.items[0];
      if (!first) return null;
      const stored = toStored(first);
      return stored.ticket.number.startsWith('NEW-') ? finishNumbering(stored) : stored;
    },

    async create(ticket: Ticket, idempotencyKey: string) {
      const item = await gateway.createItem(listId, ticketToFields(ticket, { idempotencyKey }));
      return finishNumbering(toStored(item));
    },
  };

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
}
