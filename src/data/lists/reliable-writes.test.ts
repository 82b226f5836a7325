// Creates and updates whose answers are lost: looked up before anything is sent again, never blindly re-sent.
import { describe, expect, it } from 'vitest';
import { ConflictError, UnavailableError } from '../errors';
import { fakeGraph, graphError, json, networkFailure, type SentRequest } from '../testing/fake-transport';
import { ListsGateway } from './lists-gateway';

const BASE = 'http://127.0.0.1:4999';
const SITE = 'contoso.sharepoint.com,1,2';
const KEY = { column: 'IdempotencyKey' } as const;
const item = (id: number, key: string, etag = `"e${id},1"`, extra: Record<string, unknown> = {}) =>
  ({ id: String(id), eTag: etag, fields: { '@odata.etag': etag, id: String(id), IdempotencyKey: key, ...extra } });

function setup() {
  const fake = fakeGraph({ baseUrl: BASE });
  return { ...fake, lists: new ListsGateway(fake.http, SITE) };
}
const kinds = (sent: readonly SentRequest[]) => sent.map((r) => `${r.method} ${decodeURIComponent(new URL(r.url).pathname + new URL(r.url).search).replace(`/v1.0/sites/${SITE}/lists/L`, '')}`);

describe('createItemOnce', () => {
  it('returns the item found by its key when the create’s answer was lost, without posting again', async () => {
    const { lists, transport } = setup();
    transport.answer(networkFailure('ECONNRESET'), json(200, { value: [item(7, 'k1')] }));
    const created = await lists.createItemOnce('L', { Title: 't', IdempotencyKey: 'k1' }, KEY);
    expect(created.id).toBe('7');
    expect(kinds(transport.sent)).toEqual(['POST /items', "GET /items?$expand=fields&$filter=fields/IdempotencyKey eq 'k1'&$top=40"]);
  });

  it('posts again only after the look-up finds nothing', async () => {
    const { lists, transport } = setup();
    transport.answer(networkFailure('ECONNRESET'), json(200, { value: [] }), json(201, item(8, 'k2')));
    expect((await lists.createItemOnce('L', { Title: 't', IdempotencyKey: 'k2' }, KEY)).id).toBe('8');
    expect(kinds(transport.sent).map((k) => k.split(' ')[0])).toEqual(['POST', 'GET', 'POST']);
  });

  it('treats a unique-key clash as "created earlier" when the key is found, and as a conflict when it is not', async () => {
    const { lists, transport } = setup();
    transport.answer(graphError(409, 'nameAlreadyExists', 'duplicate values'), json(200, { value: [item(9, 'k3')] }));
    expect((await lists.createItemOnce('L', { Title: 't', IdempotencyKey: 'k3' }, KEY)).id).toBe('9');
    transport.answer(graphError(409, 'nameAlreadyExists', 'duplicate values'), json(200, { value: [] }));
    await expect(lists.createItemOnce('L', { Title: 't', IdempotencyKey: 'k4' }, KEY)).rejects.toBeInstanceOf(ConflictError);
  });

  it('gives up after a bounded number of lost answers, and refuses a row without its key', async () => {
    const { lists, transport } = setup();
    transport.fallback = (request) => (request.method === 'POST' ? networkFailure('ECONNRESET') : json(200, { value: [] }));
    await expect(lists.createItemOnce('L', { Title: 't', IdempotencyKey: 'k5' }, KEY)).rejects.toBeInstanceOf(UnavailableError);
    expect(transport.sent.filter((r) => r.method === 'POST')).toHaveLength(4);
    await expect(lists.createItemOnce('L', { Title: 't' }, KEY)).rejects.toThrow(/no idempotency key/);
  });
});

describe('createItems', () => {
  it('creates rows through $batch in chunks of 20, results in row order, list refusals as failed results', async () => {
    const { lists, transport } = setup();
    let next = 1;
    transport.fallback = (request) => {
      const steps = (JSON.parse(request.body ?? '{}') as { requests: { id: string; body: { fields: { Title: string } } }[] }).requests;
      return json(200, { responses: steps.map((s) => (s.body.fields.Title === 'bad'
        ? { id: s.id, status: 400, headers: { 'Content-Type': 'application/json' }, body: { error: { code: 'invalidRequest', message: "Field 'X' is not recognized" } } }
        : { id: s.id, status: 201, headers: { 'Content-Type': 'application/json' }, body: item(next++, `k${s.id}`) })) });
    };
    const rows = Array.from({ length: 45 }, (_, i) => ({ Title: i === 30 ? 'bad' : `r${i}`, IdempotencyKey: `k${i}` }));
    const results = await lists.createItems('L', rows);
    expect(transport.sent.map((r) => JSON.parse(r.body ?? '{}').requests.length)).toEqual([20, 20, 5]);
    expect(results).toHaveLength(45);
    expect(results[30]).toMatchObject({ ok: false, error: { status: 400 } });
    expect(results.filter((r) => r.ok)).toHaveLength(44);
  });

  it('recovers a batch whose answer was lost by key: found rows are kept, the rest are sent again', async () => {
    const { lists, transport } = setup();
    transport.answer(
      networkFailure('ECONNRESET'),
      json(200, { value: [item(1, 'a')] }),
      json(200, { responses: [{ id: '1', status: 201, headers: { 'Content-Type': 'application/json' }, body: item(2, 'b') }] }),
    );
    const results = await lists.createItems('L', [{ Title: 'a', IdempotencyKey: 'a' }, { Title: 'b', IdempotencyKey: 'b' }], { key: KEY });
    expect(results).toEqual([{ ok: true, item: expect.objectContaining({ id: '1' }), found: true }, { ok: true, item: expect.objectContaining({ id: '2' }), found: false }]);
    expect(decodeURIComponent(transport.sent[1]!.url)).toContain("$filter=(fields/IdempotencyKey eq 'a') or (fields/IdempotencyKey eq 'b')");
    expect(JSON.parse(transport.sent[2]!.body ?? '{}').requests.map((r: any) => r.body.fields.IdempotencyKey)).toEqual(['b']);
  });

  it('without a key, a lost batch answer is an error (it cannot know what was created)', async () => {
    const { lists, transport } = setup();
    transport.answer(networkFailure('ECONNRESET'));
    await expect(lists.createItems('L', [{ Title: 'x' }])).rejects.toBeInstanceOf(UnavailableError);
    await expect(lists.createItems('L', [{ Title: 'x', IdempotencyKey: 'same' }, { Title: 'y', IdempotencyKey: 'same' }], { key: KEY })).rejects.toThrow(/share an idempotency key/);
  });
});

describe('updateItem after a lost answer', () => {
  it('reads the item: our values under a new ETag mean it was applied', async () => {
    const { lists, transport } = setup();
    transport.answer(networkFailure('ECONNRESET'), json(200, item(5, 'k', '"e5,2"', { State: 'InProgress', DueAt: '2026-03-02T10:00:00Z' })));
    const updated = await lists.updateItem('L', '5', { State: 'InProgress', DueAt: '2026-03-02T10:00:00.000Z' }, '"e5,1"');
    expect(updated.etag).toBe('"e5,2"');
    expect(transport.sent.map((r) => r.method)).toEqual(['PATCH', 'GET']);
  });

  it('sends again when the ETag has not moved, and reports a conflict when someone else wrote other values', async () => {
    const { lists, transport } = setup();
    transport.answer(networkFailure('ECONNRESET'), json(200, item(5, 'k', '"e5,1"')), json(200, { '@odata.etag': '"e5,2"', State: 'Resolved' }));
    expect((await lists.updateItem('L', '5', { State: 'Resolved' }, '"e5,1"')).etag).toBe('"e5,2"');
    expect(transport.sent.map((r) => r.method)).toEqual(['PATCH', 'GET', 'PATCH']);
    transport.answer(networkFailure('ECONNRESET'), json(200, item(5, 'k', '"e5,3"', { State: 'OnHold' })));
    await expect(lists.updateItem('L', '5', { State: 'Resolved' }, '"e5,2"')).rejects.toThrow(/changed to other values/);
  });
});

describe('select', () => {
  it('asks only for the selected columns, and refuses names that are not column names', async () => {
    const { lists, transport } = setup();
    transport.answer(json(200, { value: [] }));
    await lists.queryItems('L', { select: ['Title', 'TicketNumber'], top: 5 });
    expect(decodeURIComponent(transport.sent[0]!.url)).toContain('$expand=fields($select=Title,TicketNumber)');
    await expect(lists.queryItems('L', { select: ['Title)'] })).rejects.toThrow(/column names/);
  });
});
