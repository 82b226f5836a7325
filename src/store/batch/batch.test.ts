// JSON $batch: the 20-step limit, versionless step URLs, dependsOn, per-step answers and per-step 429s.
import { BatchResponseContent } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../test-support';

let t: TestStore;
let items: string;
beforeAll(async () => {
  t = await openTestStore();
  await t.graph('POST', `/sites/${t.siteId}/lists`, { body: { displayName: 'Bulk', columns: [{ name: 'Key', text: {}, indexed: true, enforceUniqueValues: true }] } });
  items = `/sites/${t.siteId}/lists/Bulk/items`;
});
afterAll(() => t.close());

const batch = (requests: unknown[]) => t.graph('POST', '/$batch', { body: { requests } });
const createStep = (id: string, key: string, extra: Record<string, unknown> = {}) => ({
  id, method: 'POST', url: items, headers: { 'Content-Type': 'application/json' }, body: { fields: { Title: key, Key: key } }, ...extra,
});

describe('POST /v1.0/$batch', () => {
  it('runs each step and answers per step with status, headers ("Content-Type" exactly) and body', async () => {
    const answer = await batch([createStep('1', 'a'), { id: '2', method: 'GET', url: `${items}?$top=1` }, { id: '3', method: 'GET', url: `${items}/999` }]);
    expect(answer.status).toBe(200);
    const [created, listed, missing] = answer.body.responses;
    expect(created).toMatchObject({ id: '1', status: 201, headers: { 'Content-Type': expect.stringMatching(/^application\/json/), ETag: expect.any(String) } });
    expect(created.body.fields.Key).toBe('a');
    expect(listed).toMatchObject({ id: '2', status: 200, body: { value: [expect.objectContaining({ id: created.body.id })] } });
    expect(missing).toMatchObject({ id: '3', status: 404, body: { error: { code: 'itemNotFound' } } });
    // Graph client 3.0.7 parses a step body as JSON only under the exact key "Content-Type".
    const parsed = new BatchResponseContent(answer.body);
    expect((await parsed.getResponseById('1').json()).fields.Key).toBe('a');
  });

  it('refuses more than 20 steps, duplicate ids, unknown dependencies and bodies without Content-Type, as a whole', async () => {
    const cases: [unknown[], RegExp][] = [
      [Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: items })), /at most 20 requests; this one has 21/],
      [[{ id: '1', method: 'GET', url: items }, { id: '1', method: 'GET', url: items }], /'1' is used more than once/],
      [[{ id: '1', method: 'GET', url: items, dependsOn: ['9'] }], /depends on '9', which is not in this batch/],
      [[{ id: '1', method: 'POST', url: items, body: { fields: {} } }], /no Content-Type header/],
      [[{ id: '1', method: 'GET', url: items, dependsOn: ['2'] }, { id: '2', method: 'GET', url: items, dependsOn: ['1'] }], /cycle/],
      [[], /empty/],
      [[{ id: '1', method: 'TRACE', url: items }], /method 'TRACE'/],
    ];
    for (const [requests, message] of cases) {
      const answer = await batch(requests);
      expect(answer.status, String(message)).toBe(400);
      expect(answer.body.error).toMatchObject({ code: 'BadRequest', message: expect.stringMatching(message) });
    }
    expect((await batch(Array.from({ length: 20 }, (_, i) => ({ id: String(i), method: 'GET', url: `/sites/${t.siteId}` })))).status).toBe(200);
  });

  it('answers 400 for a step URL that repeats the version or is absolute, and runs the others', async () => {
    const answer = await batch([
      { id: 'v', method: 'GET', url: `/v1.0/sites/${t.siteId}` },
      { id: 'abs', method: 'GET', url: `https://graph.microsoft.com/v1.0/sites/${t.siteId}` },
      { id: 'ok', method: 'GET', url: `sites/${t.siteId}` },
    ]);
    const [v, abs, ok] = answer.body.responses;
    expect(v).toMatchObject({ status: 400, body: { error: { code: 'BadRequest', message: expect.stringMatching(/Resource not found for the segment 'v1\.0'/) } } });
    expect(abs.status).toBe(400);
    expect(ok).toMatchObject({ status: 200, body: { id: t.siteId } });
  });

  it('runs dependsOn in order and fails the dependants of a failed step with 424', async () => {
    const answer = await batch([
      createStep('3', 'c', { dependsOn: ['2'] }),
      createStep('2', 'b', { dependsOn: ['1'] }),
      createStep('1', 'a-again'),
      createStep('dup', 'a'),
      createStep('after-dup', 'never', { dependsOn: ['dup'] }),
    ]);
    const byId = Object.fromEntries(answer.body.responses.map((r: any) => [r.id, r]));
    expect(answer.body.responses.map((r: any) => r.id)).toEqual(['3', '2', '1', 'dup', 'after-dup']);
    expect(Number(byId['1'].body.id)).toBeLessThan(Number(byId['2'].body.id));
    expect(Number(byId['2'].body.id)).toBeLessThan(Number(byId['3'].body.id));
    expect(byId.dup).toMatchObject({ status: 409, body: { error: { code: 'nameAlreadyExists' } } });
    expect(byId['after-dup']).toMatchObject({ status: 424, body: { error: { code: 'failedDependency' } } });
  });

  it('gives steps their own 429 under fault injection, while the batch itself answers 200', async () => {
    t.store.faults.set({ throttle: { probability: 0.5, retryAfterSeconds: 3 }, seed: 2, methods: ['POST'] });
    try {
      // The batch is a POST too: the seed lets it through and faults some of its steps.
      const answer = await batch(Array.from({ length: 10 }, (_, i) => createStep(`s${i}`, `thr-${i}`)));
      expect(answer.status).toBe(200);
      const statuses = answer.body.responses.map((r: any) => r.status);
      expect(statuses).toContain(429);
      expect(statuses).toContain(201);
      const throttled = answer.body.responses.find((r: any) => r.status === 429);
      expect(throttled.headers['Retry-After']).toBe('3');
      expect(throttled.body.error.code).toBe('activityLimitReached');
    } finally {
      t.store.faults.clear();
    }
  });

  it('carries binary step bodies base64-encoded, both ways', async () => {
    const drive = (await t.graph('GET', `/sites/${t.siteId}/drive`)).body.id;
    const text = Buffer.from('hello batch').toString('base64');
    const answer = await batch([
      { id: 'up', method: 'PUT', url: `/drives/${drive}/root:/batch/hello.txt:/content`, headers: { 'Content-Type': 'text/plain' }, body: text },
      { id: 'down', method: 'GET', url: `/drives/${drive}/root:/batch/hello.txt:/content`, dependsOn: ['up'] },
    ]);
    const [up, down] = answer.body.responses;
    expect(up).toMatchObject({ status: 201, body: { name: 'hello.txt', size: 11 } });
    expect(down.status).toBe(302);
  });
});
