// The notification outbox as the worker writes it: one item per deterministic key (a unique column). The worker
// reads every key once when it starts (a read with no filter pages through a list of any size, so the list view
// threshold never applies) and then remembers what it wrote; a key another host wrote first comes back as found.
import type { ListsGateway } from '../data/lists/lists-gateway';
import { outboxToFields, type OutboxRecord } from '../data/mappers/notification-outbox';

export interface OutboxWriter {
  /** Every key in the outbox. */
  allKeys(): Promise<Set<string>>;
  /** Writes the records in batches of 20: 'created', or 'exists' when the key was there already. */
  addAll(records: readonly OutboxRecord[]): Promise<('created' | 'exists')[]>;
}

/** Far more than the outbox should hold once the sender (a later issue) clears sent items; reaching it is a fault. */
const OUTBOX_CAP = 1_000_000;

export function graphOutbox(gateway: ListsGateway, listId: string): OutboxWriter {
  return {
    async allKeys() {
      const items = await gateway.listAll(listId, { select: ['OutboxKey'], top: 5000 }, { maxItems: OUTBOX_CAP });
      return new Set(items.map((i) => String(i.fields['OutboxKey'])));
    },
    async addAll(records) {
      if (records.length === 0) return [];
      const results = await gateway.createItems(listId, records.map(outboxToFields), { key: { column: 'OutboxKey' } });
      return results.map((r, i) => {
        if (!r.ok) throw new Error(`The outbox refused ${records[i]!.key}: ${r.error.message}`);
        return r.found ? 'exists' : 'created';
      });
    },
  };
}
