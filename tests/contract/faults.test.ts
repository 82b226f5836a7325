// Creates and updates through the adapter under 10 % injected faults (429, 503, slow answers, dropped connections
// before and after the work): no item lost, none doubled, every update applied exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFields } from '../../src/data/mappers/fields';
import { field } from '../../src/data/odata';
import { defineList, TITLE_COLUMN } from '../../sharepoint-lists/schema';
import { connect, mapLimited, STORE_ENV, testControl, type Adapter } from './support/adapter';
import { showStoreErrorsOnFailure } from './support/fixtures';
import { startStore, type StoreProcess } from './support/store-process';

const schema = defineList({
  name: 'Faulty Writes',
  description: 'Written under injected faults.',
  columns: [
    TITLE_COLUMN,
    { name: 'Key', type: 'text', indexed: true, unique: true, maxLength: 64 },
    { name: 'Run', type: 'text', indexed: true, maxLength: 16 },
    { name: 'Counter', type: 'number' },
  ],
});
const TEN_PERCENT = {
  // Dropped connections weigh most: they are the fault that can double a create or an update.
  throttle: { probability: 0.02, retryAfterSeconds: 0 },
  unavailable: { probability: 0.02, retryAfterSeconds: 0 },
  slow: { probability: 0.02, delayMs: 150 },
  drop: { probability: 0.04, phase: 'either' },
  seed: 2026,
};

let store: StoreProcess | undefined;
let adapter: Adapter;
let listId: string;
beforeAll(async () => {
  store = await startStore({ env: STORE_ENV });
  adapter = await connect(store, { maxTries: 8, maxTotalWaitMs: 20_000, baseDelayMs: 20, maxDelayMs: 200, attemptTimeoutMs: 5_000 });
  listId = (await adapter.lists.ensureList(schema)).id;
  await testControl(store, 'faults', TEN_PERCENT);
});
afterAll(async () => {
  await store?.stop();
});
showStoreErrorsOnFailure(() => store);

const row = (run: string, key: string) => writeFields(schema, { Title: key, Key: key, Run: run, Counter: 0 }, { partial: false });
const itemsOf = (run: string) => adapter.lists.listAll(listId, { filter: field('Run').eq(run), top: 500 }, { maxItems: 500 });

describe('under 10 % injected faults', () => {
  it('creates each ticket exactly once and applies each update exactly once', async () => {
    const keys = Array.from({ length: 60 }, (_, i) => `one-${i}`);
    await mapLimited(keys, 4, async (key) => {
      const item = await adapter.lists.createItemOnce(listId, row('one', key), { column: 'Key' });
      let etag = item.etag;
      for (let c = 1; c <= 3; c += 1) etag = (await adapter.lists.updateItem(listId, item.id, { Counter: c }, etag)).etag;
    });
    const items = await itemsOf('one');
    expect(items.map((i) => i.fields['Key']).sort()).toEqual([...keys].sort());
    expect(items.every((i) => i.fields['Counter'] === 3)).toBe(true);
  }, 60_000);

  it('creates in bulk through $batch exactly once, recovering lost batch answers by key', async () => {
    const keys = Array.from({ length: 80 }, (_, i) => `bulk-${i}`);
    const results = await adapter.lists.createItems(listId, keys.map((k) => row('bulk', k)), { key: { column: 'Key' }, retry: { maxTries: 10 } });
    expect(results.every((r) => r.ok)).toBe(true);
    const items = await itemsOf('bulk');
    expect(items.map((i) => i.fields['Key']).sort()).toEqual([...keys].sort());
  }, 60_000);

  it('really injected every kind of fault', async () => {
    const snapshot = (await (await fetch(`${store!.origin}/_store/faults`)).json()) as { injected: Record<string, number> };
    console.info(`[contract] faults injected: ${JSON.stringify(snapshot.injected)}`);
    for (const kind of ['throttle', 'unavailable', 'slow', 'drop']) expect(snapshot.injected[kind], kind).toBeGreaterThan(0);
  });
});
