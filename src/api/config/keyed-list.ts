import { ConflictError } from '../../data/errors';
import type { ListsGateway } from '../../data/lists/lists-gateway';
import type { ListItem } from '../../data/lists/types';
import type { FieldValues } from '../../data/mappers/fields';
import { field } from '../../data/odata';
import { ApiError } from '../http/api-error';

/** A record with the ETag of its list item: send it back as If-Match to change the record. */
export interface Versioned<T> {
  readonly record: T;
  readonly etag: string;
}

/** A small list of records addressed by a unique, indexed key column (support groups, services, categories, settings). */
export interface KeyedStore<T> {
  list(): Promise<Versioned<T>[]>;
  get(key: string): Promise<Versioned<T> | null>;
  /** Creates when absent (no If-Match), updates when present (If-Match required and current). */
  put(key: string, record: T, ifMatch: string | null): Promise<Versioned<T> & { readonly created: boolean }>;
}

/** Configuration lists are small; more rows than this means something is wrong, and we say so rather than cut. */
const KEYED_LIST_CAP = 2000;

export function graphKeyedStore<T>(
  gateway: ListsGateway,
  listId: string,
  keyColumn: string,
  codec: { readonly toFields: (record: T) => FieldValues; readonly fromItem: (item: ListItem) => T },
): KeyedStore<T> {
  const versioned = (item: ListItem): Versioned<T> => ({ record: codec.fromItem(item), etag: item.etag });
  const find = async (key: string): Promise<ListItem | null> =>
    (await gateway.queryItems(listId, { filter: field(keyColumn).eq(key), top: 2 })).items[0] ?? null;

  return {
    async list() {
      return (await gateway.listAll(listId, { top: 500 }, { maxItems: KEYED_LIST_CAP })).map(versioned);
    },
    async get(key) {
      const item = await find(key);
      return item ? versioned(item) : null;
    },
    async put(key, record, ifMatch) {
      const existing = await find(key);
      if (!existing) {
        if (ifMatch) throw new ApiError(409, 'conflict', `"${key}" no longer exists: reload the list before changing it.`);
        try {
          return { ...versioned(await gateway.createItem(listId, codec.toFields(record))), created: true };
        } catch (error) {
          if (error instanceof ConflictError) throw new ApiError(409, 'conflict', `"${key}" was just created by someone else: reload and try again.`);
          throw error;
        }
      }
      if (!ifMatch) throw new ApiError(428, 'precondition_required', `"${key}" exists: send the ETag you read as If-Match to change it.`);
      if (ifMatch !== existing.etag) throw new ApiError(409, 'conflict', `Someone changed "${key}" since you read it: reload and apply your change again.`);
      try {
        const updated = await gateway.updateItem(listId, existing.id, codec.toFields(record), existing.etag);
        return { record, etag: updated.etag, created: false };
      } catch (error) {
        if (error instanceof ConflictError) throw new ApiError(409, 'conflict', `Someone changed "${key}" just now: reload and apply your change again.`);
        throw error;
      }
    },
  };
}
