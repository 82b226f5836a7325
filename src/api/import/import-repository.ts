// Imported tickets on the Tickets list, keyed on their source number (TicketNumber is indexed and unique).
import { BadRequestError, ThresholdRefusedError } from '../../data/errors';
import type { ListsGateway } from '../../data/lists/lists-gateway';
import type { ListItem } from '../../data/lists/types';
import type { FieldValues } from '../../data/mappers/fields';
import { ticketFromItem, ticketToFields, type StoredTicketRecord } from '../../data/mappers/tickets';
import { and, field } from '../../data/odata';
import type { RebuiltTicket } from '../../domain/import/types';

export interface ImportTicketRepository {
  /** Stored tickets with these numbers (absent numbers are simply missing from the map). */
  findByNumbers(numbers: readonly string[]): Promise<Map<string, StoredTicketRecord>>;
  create(fields: FieldValues): Promise<void>;
  update(itemId: string, etag: string, fields: FieldValues): Promise<void>;
}

/** The columns an import writes: the whole ticket, the previous tool's outcome and where it came from. */
export function importFields(rebuilt: RebuiltTicket): FieldValues {
  return ticketToFields(rebuilt.ticket, { sourceSystem: rebuilt.sourceSystem, previousToolMadeSla: rebuilt.previousToolMadeSla });
}

/** Numbers that sort between the batch's first and last: one indexed range query instead of one query per number. */
const RANGE_PAGE = 500;

export function createGraphImportRepository(gateway: ListsGateway, listId: string): ImportTicketRepository {
  let rangeQueries = true;

  async function one(number: string): Promise<ListItem | undefined> {
    return (await gateway.queryItems(listId, { filter: field('TicketNumber').eq(number), top: 1 })).items[0];
  }

  async function byRange(sorted: readonly string[]): Promise<ListItem[]> {
    const query = { filter: and(field('TicketNumber').ge(sorted[0]!), field('TicketNumber').le(sorted[sorted.length - 1]!)), top: RANGE_PAGE };
    // A range wider than the batch (numbers of another series in between) is paged, and capped so it stays cheap.
    return gateway.listAll(listId, query, { maxItems: Math.max(RANGE_PAGE, sorted.length * 4) });
  }

  return {
    async findByNumbers(numbers) {
      const wanted = new Set(numbers);
      const found = new Map<string, StoredTicketRecord>();
      const keep = (item: ListItem | undefined): void => {
        if (!item) return;
        const record = ticketFromItem(item);
        // The store compares text without regard to case, as SharePoint does; keep only exact matches.
        if (wanted.has(record.ticket.number)) found.set(record.ticket.number, record);
      };
      const sorted = [...wanted].sort();
      if (sorted.length > 1 && rangeQueries) {
        try {
          for (const item of await byRange(sorted)) keep(item);
          return found;
        } catch (error) {
          // A site that refuses range filters on text, or a range past the view threshold: ask number by number.
          if (!(error instanceof BadRequestError || error instanceof ThresholdRefusedError || (error as Error).name === 'PageCapExceededError')) throw error;
          if (!(error as Error).name.startsWith('PageCap')) rangeQueries = false;
        }
      }
      await Promise.all(sorted.map(async (n) => keep(await one(n))));
      return found;
    },
    async create(fields) {
      await gateway.createItem(listId, fields);
    },
    async update(itemId, etag, fields) {
      await gateway.updateItem(listId, itemId, fields, etag);
    },
  };
}
