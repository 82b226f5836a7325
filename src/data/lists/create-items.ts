// Creates that survive a lost answer. A POST whose connection dropped may or may not have created the item, so it
// is never simply sent again: with an idempotency key column, the item is looked up by its key first, and only a
// key not found is created again (ARCHITECTURE.md section 4, docs/decisions/0251).
import { sendBatch, MAX_BATCH_STEPS, type BatchStep } from '../batch/batch';
import { ConflictError, UnavailableError, type GraphRequestError } from '../errors';
import type { GraphHttp } from '../http/graph-http';
import type { RetryPolicy } from '../http/retry-policy';
import type { FieldValues } from '../mappers/fields';
import { field, or } from '../odata';
import type { ListItem } from './types';

export interface IdempotencyKey {
  /** An indexed text column holding the key (indexed so the look-up passes the list view threshold). */
  readonly column: string;
}

export type CreateResult =
  | { readonly ok: true; readonly item: ListItem; /** true when found by its key rather than created by this call */ readonly found: boolean }
  | { readonly ok: false; readonly error: GraphRequestError };

export interface CreateDeps {
  readonly http: GraphHttp;
  readonly itemsPath: (listId: string) => string;
  readonly createItem: (listId: string, fields: FieldValues) => Promise<ListItem>;
  readonly findByKeys: (listId: string, column: string, keys: readonly string[]) => Promise<Map<string, ListItem>>;
  readonly toListItem: (body: unknown) => ListItem;
}

/** How many times a create whose answer was lost is looked up and tried again before giving up. */
const MAX_LOST_ANSWERS = 4;

/** A network failure or gateway timeout: the server may have done the work. */
export function answerLost(error: unknown): boolean {
  return error instanceof UnavailableError && (error.status === 0 || error.status === 502 || error.status === 504);
}

export async function createOnce(deps: CreateDeps, listId: string, fields: FieldValues, key: IdempotencyKey): Promise<ListItem> {
  const value = keyOf(fields, key.column);
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await deps.createItem(listId, fields);
    } catch (error) {
      const duplicate = error instanceof ConflictError && error.status === 409;
      if (!answerLost(error) && !duplicate) throw error;
      const found = (await deps.findByKeys(listId, key.column, [value])).get(value);
      if (found) return found;
      if (duplicate || attempt >= MAX_LOST_ANSWERS) throw error;
    }
  }
}

/** Creates rows in batches of 20; with a key column, a lost batch answer is recovered by looking rows up. */
export async function createMany(deps: CreateDeps, listId: string, rows: readonly FieldValues[], key: IdempotencyKey | undefined, retry: Partial<RetryPolicy>): Promise<CreateResult[]> {
  const results: CreateResult[] = new Array(rows.length);
  const keys = key ? rows.map((r) => keyOf(r, key.column)) : [];
  if (key && new Set(keys).size !== keys.length) throw new Error(`Two rows share an idempotency key in column ${key.column}`);
  for (let start = 0; start < rows.length; start += MAX_BATCH_STEPS) {
    let indexes = rows.slice(start, start + MAX_BATCH_STEPS).map((_, i) => start + i);
    for (let attempt = 1; indexes.length > 0; attempt += 1) {
      try {
        const steps: BatchStep[] = indexes.map((i) => ({ id: String(i), method: 'POST', path: deps.itemsPath(listId), body: { fields: rows[i] } }));
        const answers = await sendBatch(deps.http, steps, retry);
        const conflicts: number[] = [];
        for (const i of indexes) {
          const answer = answers.get(String(i))!;
          if (answer.error && key && answer.status === 409) conflicts.push(i);
          else results[i] = answer.error ? { ok: false, error: answer.error } : { ok: true, item: deps.toListItem(answer.body), found: false };
        }
        // A unique key column refusing a row means an earlier, lost try created it.
        if (conflicts.length > 0) await settleByKey(deps, listId, key!, conflicts, keys, results, answers);
        indexes = [];
      } catch (error) {
        if (!key || !answerLost(error) || attempt >= MAX_LOST_ANSWERS) throw error;
        const found = await deps.findByKeys(listId, key.column, indexes.map((i) => keys[i]!));
        for (const i of indexes) {
          const item = found.get(keys[i]!);
          if (item) results[i] = { ok: true, item, found: true };
        }
        indexes = indexes.filter((i) => results[i] === undefined);
      }
    }
  }
  return results;
}

async function settleByKey(deps: CreateDeps, listId: string, key: IdempotencyKey, indexes: readonly number[], keys: readonly string[], results: CreateResult[], answers: Map<string, { error: GraphRequestError | undefined }>): Promise<void> {
  const found = await deps.findByKeys(listId, key.column, indexes.map((i) => keys[i]!));
  for (const i of indexes) {
    const item = found.get(keys[i]!);
    results[i] = item ? { ok: true, item, found: true } : { ok: false, error: answers.get(String(i))!.error! };
  }
}

function keyOf(fields: FieldValues, column: string): string {
  const value = fields[column];
  if (typeof value !== 'string' || value === '') throw new Error(`The row has no idempotency key in column ${column}`);
  return value;
}

/** Items by key, up to 20 keys in one query: an `or` of indexed equalities, each branch narrow. */
export function keysFilter(column: string, keys: readonly string[]) {
  const [first, ...rest] = keys.map((k) => field(column).eq(k));
  if (!first) throw new Error('keysFilter needs at least one key');
  return or(first, ...rest);
}
