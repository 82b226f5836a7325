// The list view threshold through the adapter, on a list of 5,001 items in a real store process.
// Group is indexed and narrows ('rare' matches one item); Flag is indexed but matches every item; Note is not indexed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ThresholdRefusedError } from '../../src/data/errors';
import { writeFields } from '../../src/data/mappers/fields';
import { and, field, ITEM_ID, or, orderBy } from '../../src/data/odata';
import { defineList, TITLE_COLUMN } from '../../sharepoint-lists/schema';
import { connect, mapLimited, STORE_ENV, type Adapter } from './support/adapter';
import { showStoreErrorsOnFailure } from './support/fixtures';
import { startStore, type StoreProcess } from './support/store-process';

const ITEMS = 5001;
const schema = defineList({
  name: 'Big List',
  description: 'Past the list view threshold.',
  columns: [
    TITLE_COLUMN,
    { name: 'Group', type: 'text', indexed: true, maxLength: 32 },
    { name: 'Flag', type: 'boolean', indexed: true },
    { name: 'Note', type: 'text', maxLength: 64 },
  ],
});

let store: StoreProcess | undefined;
let adapter: Adapter;
let listId: string;
let seedSeconds = 0;

beforeAll(async () => {
  store = await startStore({ env: STORE_ENV });
  adapter = await connect(store);
  listId = (await adapter.lists.ensureList(schema)).id;
  const started = performance.now();
  // Through the adapter, as a bulk import writes: $batch of 20 creates, four batches in flight.
  const rows = Array.from({ length: ITEMS }, (_, i) => writeFields(schema, {
    Title: `Item ${i}`, Group: i === ITEMS - 1 ? 'rare' : i < 10 ? 'few' : `bulk-${i % 2}`, Flag: true, Note: i === 7 ? 'needle' : 'hay',
  }, { partial: false }));
  const chunks = Array.from({ length: Math.ceil(ITEMS / 200) }, (_, c) => rows.slice(c * 200, c * 200 + 200));
  const results = (await mapLimited(chunks, 4, (chunk) => adapter.lists.createItems(listId, chunk))).flat();
  expect(results.every((r) => r.ok)).toBe(true);
  seedSeconds = (performance.now() - started) / 1000;
  console.info(`[contract] created ${ITEMS} items through the adapter's $batch in ${seedSeconds.toFixed(1)} s`);
}, 120_000);

afterAll(async () => {
  await store?.stop();
});

showStoreErrorsOnFailure(() => store);

async function refusal(promise: Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return { error, ms: performance.now() - started };
}

describe(`a list of ${ITEMS} items`, () => {
  it('refuses a filter on a non-indexed column, without and with the Prefer header', async () => {
    const plain = await refusal(adapter.lists.queryItems(listId, { filter: field('Note').eq('needle') }));
    expect(plain.error).toBeInstanceOf(ThresholdRefusedError);
    expect((plain.error as ThresholdRefusedError).reason).toBe('notIndexed');

    const preferred = await refusal(adapter.lists.queryItems(listId, { filter: field('Note').eq('needle'), allowNonIndexed: true }));
    expect(preferred.error).toBeInstanceOf(ThresholdRefusedError);
    expect((preferred.error as ThresholdRefusedError).reason).toBe('listViewThreshold');
    expect((preferred.error as Error).message).toMatch(/query shape, not load/);
  });

  it('refuses an indexed filter matching more than 5,000 items at once, not retrying it as load', async () => {
    const { error, ms } = await refusal(adapter.lists.queryItems(listId, { filter: field('Flag').eq(true), top: 10 }));
    expect(error).toBeInstanceOf(ThresholdRefusedError);
    expect((error as ThresholdRefusedError).status).toBe(429);
    expect((error as ThresholdRefusedError).reason).toBe('listViewThreshold');
    // The store sends Retry-After: 1 with it; honouring that even once would take a second.
    expect(ms).toBeLessThan(900);
  });

  it('refuses it even when a later clause would narrow the result', async () => {
    const { error } = await refusal(adapter.lists.queryItems(listId, { filter: and(field('Flag').eq(true), field('Group').eq('rare')) }));
    expect(error).toBeInstanceOf(ThresholdRefusedError);
  });

  it('serves a filter whose leading indexed clause narrows below 5,000', async () => {
    const page = await adapter.lists.queryItems(listId, { filter: and(field('Group').eq('rare'), field('Flag').eq(true)) });
    expect(page.items.map((i) => i.fields['Title'])).toEqual([`Item ${ITEMS - 1}`]);
    const withNonIndexedAfter = await adapter.lists.queryItems(listId, { filter: and(field('Group').eq('rare'), field('Note').eq('hay')), allowNonIndexed: true });
    expect(withNonIndexedAfter.items).toHaveLength(1);
  });

  it("serves an 'or' whose every branch leads with a narrowing indexed clause, and refuses one that does not", async () => {
    const page = await adapter.lists.queryItems(listId, { filter: or(field('Group').eq('rare'), field('Group').eq('few')), top: 50 });
    expect(page.items).toHaveLength(11);
    const prefixed = await adapter.lists.queryItems(listId, { filter: or(field('Group').startsWith('ra'), and(field('Group').eq('few'), field('Note').eq('needle'))), allowNonIndexed: true });
    expect(prefixed.items.map((i) => i.fields['Title']).sort()).toEqual([`Item ${ITEMS - 1}`, 'Item 7']);
    const { error } = await refusal(adapter.lists.queryItems(listId, { filter: or(field('Group').eq('rare'), field('Flag').eq(true)) }));
    expect(error).toBeInstanceOf(ThresholdRefusedError);
    expect((error as Error).message).toMatch(/together match more than 5000/);
  });

  it('pages through all items when unfiltered, in id order or none', async () => {
    const all = await adapter.lists.listAll(listId, { top: 1000 }, { maxItems: ITEMS });
    expect(new Set(all.map((i) => i.id)).size).toBe(ITEMS);
    const byId = await adapter.lists.listAll(listId, { top: 5000, orderBy: orderBy([ITEM_ID, 'desc']) }, { maxItems: ITEMS });
    expect(byId).toHaveLength(ITEMS);
    expect(Number(byId[0]?.id)).toBeGreaterThan(Number(byId[ITEMS - 1]?.id));
    await expect(adapter.lists.listAll(listId, { top: 5000 }, { maxItems: ITEMS - 1 })).rejects.toThrow(/more than the 5000 items the caller allowed/);
  });
});
