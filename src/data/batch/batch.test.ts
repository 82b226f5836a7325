import { describe, expect, it } from 'vitest';
import { ThrottledError, NotFoundError, ThresholdRefusedError } from '../errors';
import { fakeGraph, json } from '../testing/fake-transport';
import { sendBatch, stepUrl, type BatchStep } from './batch';

const BASE = 'http://127.0.0.1:4999';
const get = (id: string, path = `/sites/s/lists/l/items/${id}`): BatchStep => ({ id, method: 'GET', path });
const answer = (id: string, status: number, body: unknown = {}, headers: Record<string, string> = { 'Content-Type': 'application/json' }) => ({ id, status, headers, body });
const throttled = (id: string, retryAfter?: string) =>
  answer(id, 429, { error: { code: 'activityLimitReached', message: 'The request has been throttled' } }, retryAfter === undefined ? {} : { 'Retry-After': retryAfter });
const sentRequests = (body: string | undefined) => (JSON.parse(body ?? '{}') as { requests: any[] }).requests;

describe('stepUrl', () => {
  it('keeps URLs relative and versionless, as Graph wants them inside a batch', () => {
    expect(stepUrl('/sites/a,b,c/lists/L/items', { $filter: "fields/X eq 'O''B'", $top: 5 })).toBe("/sites/a,b,c/lists/L/items?$filter=fields%2FX%20eq%20'O''B'&$top=5");
    expect(() => stepUrl('/v1.0/sites/x')).toThrow(/must not carry the API version/);
    expect(() => stepUrl('/beta/sites/x')).toThrow(/version/);
    expect(() => stepUrl('sites/x')).toThrow(/must start with/);
  });
});

describe('sendBatch', () => {
  it('posts the steps to /v1.0/$batch with Content-Type on bodies and answers by id with typed errors', async () => {
    const { http, transport } = fakeGraph({ baseUrl: BASE });
    transport.answer(json(200, { responses: [answer('2', 404, { error: { code: 'itemNotFound', message: 'gone' } }), answer('1', 201, { id: '7' })] }));
    const results = await sendBatch(http, [{ id: '1', method: 'POST', path: '/sites/s/lists/l/items', body: { fields: { Title: 'x' } } }, get('2')]);
    expect(transport.sent[0]).toMatchObject({ method: 'POST', url: `${BASE}/v1.0/$batch` });
    expect(sentRequests(transport.sent[0]?.body)).toEqual([
      { id: '1', method: 'POST', url: '/sites/s/lists/l/items', headers: { 'Content-Type': 'application/json' }, body: { fields: { Title: 'x' } } },
      { id: '2', method: 'GET', url: '/sites/s/lists/l/items/2' },
    ]);
    expect(results.get('1')).toMatchObject({ status: 201, body: { id: '7' }, error: undefined, tries: 1 });
    expect(results.get('2')?.error).toBeInstanceOf(NotFoundError);
  });

  it('re-sends only the throttled steps, after the longest Retry-After they asked for', async () => {
    const { http, transport, sleeps } = fakeGraph({ baseUrl: BASE });
    transport.answer(
      json(200, { responses: [answer('a', 200), throttled('b', '2'), throttled('c', '5'), answer('d', 200)] }),
      json(200, { responses: [answer('b', 200), answer('c', 200)] }),
    );
    const results = await sendBatch(http, ['a', 'b', 'c', 'd'].map((id) => get(id)));
    expect(sleeps).toEqual([5000]);
    expect(sentRequests(transport.sent[1]?.body).map((r) => r.id)).toEqual(['b', 'c']);
    expect([...results.values()].map((r) => [r.id, r.status, r.tries])).toEqual([['a', 200, 1], ['d', 200, 1], ['b', 200, 2], ['c', 200, 2]]);
  });

  it('re-sends a step that failed only on a throttled dependency, dropping a dependency already done', async () => {
    const { http, transport } = fakeGraph({ baseUrl: BASE });
    transport.answer(
      json(200, { responses: [answer('1', 201), throttled('2', '0'), answer('3', 424, { error: { code: 'failedDependency', message: 'x' } })] }),
      json(200, { responses: [answer('2', 201), answer('3', 201)] }),
    );
    const steps: BatchStep[] = [get('1'), { ...get('2'), dependsOn: ['1'] }, { ...get('3'), dependsOn: ['2'] }];
    const results = await sendBatch(http, steps);
    const second = sentRequests(transport.sent[1]?.body);
    expect(second.map((r) => [r.id, r.dependsOn])).toEqual([['2', undefined], ['3', ['2']]]);
    expect(results.get('3')?.status).toBe(201);
  });

  it('stops at the bound with ThrottledError on the steps still throttled, waiting backoff when no Retry-After is given', async () => {
    const { http, transport, sleeps } = fakeGraph({ baseUrl: BASE, retry: { maxTries: 3 } });
    transport.fallback = () => json(200, { responses: [throttled('x')] });
    const results = await sendBatch(http, [get('x')], { maxTries: 3, sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 });
    expect(transport.sent).toHaveLength(3);
    expect(sleeps).toEqual([375, 750]);
    const error = results.get('x')?.error;
    expect(error).toBeInstanceOf(ThrottledError);
    expect((error as ThrottledError).tries).toBe(3);
  });

  it('never retries a list view threshold refusal that comes as a 429', async () => {
    const { http, transport } = fakeGraph({ baseUrl: BASE });
    transport.answer(json(200, { responses: [answer('q', 429, { error: { code: 'activityLimitReached', message: 'The attempted operation is prohibited because it exceeds the list view threshold.', innerError: { code: 'listViewThresholdExceeded' } } }, { 'Retry-After': '1' })] }));
    const results = await sendBatch(http, [get('q')]);
    expect(transport.sent).toHaveLength(1);
    expect(results.get('q')?.error).toBeInstanceOf(ThresholdRefusedError);
  });

  it('refuses more than 20 steps and duplicate ids before sending anything', async () => {
    const { http, transport } = fakeGraph({ baseUrl: BASE });
    await expect(sendBatch(http, Array.from({ length: 21 }, (_, i) => get(String(i))))).rejects.toThrow(/at most 20 steps; got 21/);
    await expect(sendBatch(http, [get('a'), get('a')])).rejects.toThrow(/unique/);
    expect(transport.sent).toHaveLength(0);
    expect((await sendBatch(http, [])).size).toBe(0);
  });
});
