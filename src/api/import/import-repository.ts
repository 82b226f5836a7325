// Imported tickets on the Tickets list, keyed on their source number (TicketNumber is indexed and unique).
// Lookups ask for 20 numbers at a time (indexed `eq` branches joined by `or`, each narrow, so lists past the view
// threshold answer them); creates go 20 at a time through $batch (decision 0053).
import type { GraphRequestError } from '../../data/errors';
import type { ListsGateway } from '../../data/lists/lists-gateway';
import type { FieldValues } from '../../data/mappers/fields';
import { ticketFromItem, ticketToFields, type StoredTicketRecord } from '../../data/mappers/tickets';
import type { RebuiltTicket } from '../../domain/import/types';

export type CreateOutcome = { readonly ok: true } | { readonly ok: false; readonly error: GraphRequestError };

export interface ImportTicketRepository {
  /** Stored tickets with these numbers (absent numbers are simply missing from the map). */
  findByNumbers(numbers: readonly string[]): Promise<Map<string, StoredTicketRecord>>;
  /** Creates the rows; one outcome per row, in order (a refused row is an outcome, not an exception). */
  createMany(rows: readonly FieldValues[]): Promise<CreateOutcome[]>;
  update(itemId: string, etag: string, fields: FieldValues): Promise<void>;
}

/** The columns an import writes: the whole ticket, the previous tool's outcome and where it came from. */
export function importFields(rebuilt: RebuiltTicket): FieldValues {
  return ticketToFields(rebuilt.ticket, { sourceSystem: rebuilt.sourceSystem, previousToolMadeSla: rebuilt.previousToolMadeSla });
}

export function createGraphImportRepository(gateway: ListsGateway, listId: string): ImportTicketRepository {
  return {
    async findByNumbers(numbers) {
      const found = new Map<string, StoredTicketRecord>();
      for (const item of (await gateway.findByKeys(listId, 'TicketNumber', [...new Set(numbers)])).values()) {
        const record = ticketFromItem(item);
        found.set(record.ticket.number, record);
      }
      return found;
    },
    async createMany(rows) {
      // Keyed on the number: a batch whose answer was lost is recovered by looking its rows up, never sent twice.
      const results = await gateway.createItems(listId, rows, { key: { column: 'TicketNumber' } });
      return results.map((r) => (r.ok ? { ok: true } : { ok: false, error: r.error }));
    },
    async update(itemId, etag, fields) {
      await gateway.updateItem(listId, itemId, fields, etag);
    },
  };
}
