// JSON $batch through the adapter against a real store process: bulk creates, per-step 429s retried alone,
// and the Graph client's BatchRequestContent trap (a /v1.0 step URL) answered 400 as Graph answers it.
import { BatchRequestContent, BatchResponseContent } from '@microsoft/microsoft-graph-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sendBatch } from '../../src/data/batch/batch';
import { ThrottledError } from '../../src/data/errors';
import { writeFields } from '../../src/data/mappers/fields';
import { field } from '../../src/data/odata';
import { connect, STORE_ENV, testControl, type Adapter } from './support/adapter';
import { contractList, showStoreErrorsOnFailure } from './support/fixtures';
import { startStore, type StoreProcess } from './support/store-process';

const schema = contractList('Batched Items');
let store: StoreProcess | undefined;
let adapter: Adapter;
let listId: string;

beforeAll(async () => {
  store = await startStore({ env: STORE_ENV });
  adapter = await connect(store, { maxTries: 4, maxTotalWaitMs: 10_000 });
  listId = (await adapter.lists.ensureList(schema)).id;
});
afterEach(async () => {
  if (store) await fetch(`${store.origin}/_store/faults`, { method: 'DELETE' });
});
afterAll(async () => {
  await store?.stop();
});
showStoreErrorsOnFailure(() => store);

const rows = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => writeFields(schema, { Title: `${prefix}-${i}`, Category: prefix, Rank: i }, { partial: false }));
const countOf = async (category: string) => (await adapter.lists.listAll(listId, { filter: field('Category').eq(category), top: 500 }, { maxItems: 500 })).length;

describe('$batch through the adapter', () => {
  it('creates 45 items in three batches, in row order, each once', async () => {
    const results = await adapter.lists.createItems(listId, rows('bulk', 45));
    expect(results.every((r) => r.ok)).toBe(true);
    const ids = results.map((r) => (r.ok ? Number(r.item.id) : 0));
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(await countOf('bulk')).toBe(45);
  });

  it('re-sends only the steps that got 429, honouring their Retry-After, and creates nothing twice', async () => {
    await testControl(store!, 'faults', { throttle: { probability: 0.4, retryAfterSeconds: 1 }, seed: 5, scope: 'batchSteps' });
    const started = performance.now();
    const results = await adapter.lists.createItems(listId, rows('throttled', 20), { retry: { maxTries: 10 } });
    const faults = (await (await fetch(`${store!.origin}/_store/faults`)).json()) as { injected: { throttle: number } };
    expect(faults.injected.throttle).toBeGreaterThan(0);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(await countOf('throttled')).toBe(20);
  });

  it('reports steps still throttled after the bound as ThrottledError, beside the steps that succeeded', async () => {
    const steps = [
      { id: 'ok', method: 'GET' as const, path: `/sites/${adapter.siteId}/lists/${listId}` },
      { id: 'busy', method: 'POST' as const, path: `/sites/${adapter.siteId}/lists/${listId}/items`, body: { fields: { Title: 'never' } } },
    ];
    await testControl(store!, 'faults', { throttle: { probability: 1, retryAfterSeconds: 0 }, methods: ['POST'], scope: 'batchSteps' });
    const results = await sendBatch(adapter.http, steps, { maxTries: 3 });
    expect(results.get('ok')).toMatchObject({ status: 200, tries: 1, error: undefined });
    expect(results.get('busy')).toMatchObject({ status: 429, tries: 3 });
    expect(results.get('busy')?.error).toBeInstanceOf(ThrottledError);
    const never = await adapter.lists.queryItems(listId, { filter: field('Title').eq('never'), allowNonIndexed: true });
    expect(never.items).toHaveLength(0);
  });

  it('answers a Graph client BatchRequestContent step built with /v1.0 in its URL with 400, and a versionless absolute one with 200', async () => {
    const token = await tokenFor(store!);
    const build = async (url: string) => {
      const content = new BatchRequestContent([{ id: '1', request: new Request(url, { method: 'GET', headers: { 'Content-Type': 'application/json' } }) }]);
      const body = await content.getContent();
      const answer = await fetch(`${store!.origin}/v1.0/$batch`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return new BatchResponseContent((await answer.json()) as never).getResponseById('1');
    };
    const versioned = await build(`https://graph.microsoft.com/v1.0/sites/${adapter.siteId}`);
    expect(versioned.status).toBe(400);
    expect(((await versioned.json()) as any).error.message).toMatch(/Resource not found for the segment 'v1\.0'/);
    const plain = await build(`https://graph.microsoft.com/sites/${adapter.siteId}`);
    expect(plain.status).toBe(200);
    expect(((await plain.json()) as any).id).toBe(adapter.siteId);
  });
});

async function tokenFor(s: StoreProcess): Promise<string> {
  const { LOCAL_TENANT_ID, EMBEDDED_APP_CLIENT_ID, EMBEDDED_APP_CLIENT_SECRET } = await import('../../src/store/identity/constants');
  const answer = await fetch(`${s.origin}/local-issuer/${LOCAL_TENANT_ID}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: EMBEDDED_APP_CLIENT_ID, client_secret: EMBEDDED_APP_CLIENT_SECRET, scope: 'https://graph.microsoft.com/.default' }),
  });
  return ((await answer.json()) as { access_token: string }).access_token;
}
