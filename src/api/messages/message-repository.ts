import { ConflictError } from '../../data/errors';
import type { ListsGateway } from '../../data/lists/lists-gateway';
import { ticketMessageFromItem, ticketMessageToFields } from '../../data/mappers/ticket-messages';
import { field } from '../../data/odata';
import type { TicketMessage } from '../../domain/tickets/messages';

/** Replies, work notes and command notes in the Ticket Messages list. */
export interface MessageRepository {
  /** Writes the message unless one with its key exists (a retried command); returns what is stored. */
  ensure(message: TicketMessage): Promise<TicketMessage>;
  /** Every message stored for a ticket, referenced or not; the domain decides what a reader sees. */
  forTicket(ticketNumber: string): Promise<TicketMessage[]>;
}

/** A ticket's history budget allows a few hundred entries; more messages than this means something is wrong. */
const MESSAGES_PER_TICKET_CAP = 2000;

export function createGraphMessageRepository(gateway: ListsGateway, listId: string): MessageRepository {
  async function findByKey(key: string): Promise<TicketMessage | null> {
    const found = await gateway.queryItems(listId, { filter: field('MessageKey').eq(key), top: 2 });
    const first = found.items[0];
    return first ? ticketMessageFromItem(first) : null;
  }

  return {
    async ensure(message) {
      const existing = await findByKey(message.key);
      if (existing) return existing;
      try {
        return ticketMessageFromItem(await gateway.createItem(listId, ticketMessageToFields(message)));
      } catch (error) {
        // MessageKey is unique: a concurrent retry wrote it first.
        if (error instanceof ConflictError) {
          const raced = await findByKey(message.key);
          if (raced) return raced;
        }
        throw error;
      }
    },

    async forTicket(ticketNumber) {
      const items = await gateway.listAll(listId, { filter: field('TicketNumber').eq(ticketNumber), top: 500 }, { maxItems: MESSAGES_PER_TICKET_CAP });
      return items.map(ticketMessageFromItem);
    },
  };
}
