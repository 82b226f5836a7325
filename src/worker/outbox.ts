// The notification outbox as the worker writes it: one item per deterministic key. Recent keys are read first
// (an indexed CreatedAt window) so a run does not re-send what is there; the unique key column is the final guard.
import { ConflictError } from '../data/errors';
import type { ListsGateway } from '../data/lists/lists-gateway';
import { outboxToFields, type OutboxRecord } from '../data/mappers/notification-outbox';
import { field } from '../data/odata';

export interface OutboxWriter {
  /** Keys of items created at or after `since`. */
  keysSince(since: Date): Promise<Set<string>>;
  /** 'exists' when an item with the key is there already (written by an earlier or concurrent run). */
  add(record: OutboxRecord): Promise<'created' | 'exists'>;
}

/** A window holds a few days of warnings: far below the threshold for a desk this size. */
const WINDOW_CAP = 5000;

export function graphOutbox(gateway: ListsGateway, listId: string): OutboxWriter {
  return {
    async keysSince(since) {
      const items = await gateway.listAll(listId, { filter: field('CreatedAt').ge(since), select: ['OutboxKey'], top: 1000 }, { maxItems: WINDOW_CAP });
      return new Set(items.map((i) => String(i.fields['OutboxKey'])));
    },
    async add(record) {
      try {
        // A lost answer fails this run; the next run finds the key (or writes it), so nothing is sent twice.
        await gateway.createItem(listId, outboxToFields(record));
        return 'created';
      } catch (error) {
        if (error instanceof ConflictError) return 'exists';
        throw error;
      }
    },
  };
}
