// 429s from a real store process (its test-only fault setting), waited out or ended with a clear error.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ThrottledError } from '../../src/data/errors';
import { writeFields } from '../../src/data/mappers/fields';
import { field } from '../../src/data/odata';
import { connect, STORE_ENV, testControl, type Adapter } from './support/adapter';
import { contractList, showStoreErrorsOnFailure } from './support/fixtures';
import { startStore, type StoreProcess } from './support/store-process';

const schema = contractList('Throttled Items');
let store: StoreProcess | undefined;
let adapter: Adapter;
let listId: string;

beforeAll(async () => {
  store = await startStore({ env: STORE_ENV });
  adapter = await connect(store, { maxTries: 3, maxTotalWaitMs: 10_000 });
  listId = (await adapter.lists.ensureList(schema)).id;
});

afterEach(async () => {
  if (store) await testControl(store, 'faults', { throttleNext: 0 });
});

afterAll(async () => {
  await store?.stop();
});

showStoreErrorsOnFailure(() => store);

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

describe('throttling', () => {
  it.each(['retry-after', 'RETRY-AFTER'])('waits out a 429 with "%s: 2" and then succeeds', async (headerName) => {
    await testControl(store as StoreProcess, 'faults', { throttleNext: 1, retryAfterSeconds: 2, retryAfterHeaderName: headerName });
    const { value, ms } = await timed(() => adapter.lists.queryItems(listId, { filter: field('Category').eq('none') }));
    expect(value.items).toEqual([]);
    expect(ms).toBeGreaterThanOrEqual(1950);
    expect(ms).toBeLessThan(4000);
  });

  it('retries a create that got 429 (the server did not do it) and creates exactly one item', async () => {
    await testControl(store as StoreProcess, 'faults', { throttleNext: 2, retryAfterSeconds: 0, retryAfterHeaderName: 'retry-after' });
    const created = await adapter.lists.createItem(listId, writeFields(schema, { Title: 'once', Category: 'throttled-create' }, { partial: false }));
    expect(created.id).toBeTruthy();
    const page = await adapter.lists.queryItems(listId, { filter: field('Category').eq('throttled-create') });
    expect(page.items.map((i) => i.id)).toEqual([created.id]);
  });

  it('ends an endless 429 with a ThrottledError after the bound, saying how many tries and how long', async () => {
    await testControl(store as StoreProcess, 'faults', { throttleNext: 1000, retryAfterSeconds: 1, retryAfterHeaderName: 'retry-after' });
    const { value: error, ms } = await timed(() => adapter.lists.getItem(listId, '1').catch((e: unknown) => e));
    expect(error).toBeInstanceOf(ThrottledError);
    const throttled = error as ThrottledError;
    expect(throttled.status).toBe(429);
    expect(throttled.tries).toBe(3);
    expect(throttled.waitedMs).toBe(2000);
    expect(throttled.message).toMatch(/still throttled \(429\) after 3 tries over 2\.0 s of waiting; gave up/);
    expect(throttled.message).toContain(`/lists/${listId}/items/1`);
    expect(ms).toBeGreaterThanOrEqual(1950);
    expect(ms).toBeLessThan(5000);
  });
});
