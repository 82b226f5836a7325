import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { describe, expect, it } from 'vitest';
import { createGraphHttp } from '../client';
import { ConflictError, ThresholdRefusedError, ThrottledError, UnavailableError } from '../errors';
import { fakeGraph, graphError, json, networkFailure } from '../testing/fake-transport';

const ok = () => json(200, { value: [] });

describe('retry middleware', () => {
  it('waits out a 429 for the Retry-After the server gave, in any letter case', async () => {
    for (const name of ['Retry-After', 'RETRY-AFTER', 'retry-after']) {
      const { http, transport, sleeps } = fakeGraph();
      transport.answer(graphError(429, 'tooManyRequests', 'slow down', { [name]: '2' }), ok());
      const answer = await http.get('/sites/x/lists');
      expect(answer.status).toBe(200);
      expect(sleeps).toEqual([2000]);
      expect(transport.sent).toHaveLength(2);
    }
  });

  it('honours the HTTP-date form of Retry-After', async () => {
    const { http, transport, sleeps } = fakeGraph();
    transport.answer(graphError(503, 'serviceNotAvailable', 'busy', { 'Retry-After': 'Mon, 02 Mar 2026 10:00:03 GMT' }), ok());
    await http.get('/sites/x');
    expect(sleeps).toEqual([3000]);
  });

  it('backs off exponentially with jitter when no Retry-After is given', async () => {
    const { http, transport, sleeps } = fakeGraph({ retry: { baseDelayMs: 100, random: () => 0 } });
    transport.answer(graphError(503, 'x', 'busy'), graphError(503, 'x', 'busy'), graphError(503, 'x', 'busy'), ok());
    await http.get('/sites/x');
    expect(sleeps).toEqual([50, 100, 200]);
  });

  it('gives up on endless 429s after the bound with a ThrottledError saying how many tries and how long', async () => {
    const { http, transport, sleeps } = fakeGraph({ retry: { maxTries: 4 } });
    transport.fallback = () => graphError(429, 'activityLimitReached', 'throttled', { 'Retry-After': '1' });
    const error = await http.get('/sites/x/lists/y/items').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ThrottledError);
    const throttled = error as ThrottledError;
    expect(throttled.tries).toBe(4);
    expect(throttled.waitedMs).toBe(3000);
    expect(throttled.message).toMatch(/after 4 tries over 3\.0 s/);
    expect(throttled.message).toContain('GET /sites/x/lists/y/items');
    expect(sleeps).toEqual([1000, 1000, 1000]);
    expect(transport.sent).toHaveLength(4);
  });

  it('stops early rather than wait past the total budget', async () => {
    const { http, transport, sleeps } = fakeGraph({ retry: { maxTotalWaitMs: 10_000 } });
    transport.fallback = () => graphError(429, 'x', 'throttled', { 'Retry-After': '120' });
    const error = (await http.get('/sites/x').catch((e: unknown) => e)) as ThrottledError;
    expect(error).toBeInstanceOf(ThrottledError);
    expect(error.tries).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('hints that an endless 429 on a filtered query may be a disguised threshold refusal', async () => {
    const { http, transport } = fakeGraph({ retry: { maxTries: 2 } });
    transport.fallback = () => graphError(429, 'x', 'throttled', { 'Retry-After': '0' });
    const error = (await http.get('/sites/x/lists/y/items', { query: { $filter: "fields/A eq 'b'" } }).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/query shape/);
  });

  it('retries a POST that got 429 or 503 (the server did not do it)', async () => {
    const { http, transport } = fakeGraph();
    transport.answer(graphError(429, 'x', 'throttled', { 'Retry-After': '0' }), graphError(503, 'x', 'busy', { 'Retry-After': '0' }), json(201, { id: '1' }));
    const answer = await http.post('/sites/x/lists/y/items', { fields: {} });
    expect(answer.status).toBe(201);
    expect(transport.sent.map((r) => r.method)).toEqual(['POST', 'POST', 'POST']);
  });

  it('never retries a POST whose connection dropped', async () => {
    const { http, transport } = fakeGraph();
    transport.answer(networkFailure('ECONNRESET'), json(201, { id: '1' }));
    const error = (await http.post('/sites/x/lists/y/items', { fields: {} }).catch((e: unknown) => e)) as UnavailableError;
    expect(error).toBeInstanceOf(UnavailableError);
    expect(error.status).toBe(0);
    expect(error.tries).toBe(1);
    expect(error.message).toContain('ECONNRESET');
    expect(transport.sent).toHaveLength(1);
  });

  it('does not retry a POST answered 504 (it may have been done) but does retry a GET', async () => {
    const post = fakeGraph();
    post.transport.answer(graphError(504, 'gatewayTimeout', 'late'), json(201, {}));
    await expect(post.http.post('/sites/x/lists/y/items', {})).rejects.toBeInstanceOf(UnavailableError);
    expect(post.transport.sent).toHaveLength(1);

    const get = fakeGraph();
    get.transport.answer(graphError(504, 'gatewayTimeout', 'late'), ok());
    await expect(get.http.get('/sites/x')).resolves.toMatchObject({ status: 200 });
  });

  it('retries a POST whose connection was refused (nothing reached the server)', async () => {
    const { http, transport } = fakeGraph();
    transport.answer(networkFailure('ECONNREFUSED'), json(201, { id: '1' }));
    await expect(http.post('/sites/x/lists/y/items', {})).resolves.toMatchObject({ status: 201 });
  });

  it('retries a GET whose connection dropped, then reports the network failure after the bound', async () => {
    const { http, transport } = fakeGraph({ retry: { maxTries: 3 } });
    transport.fallback = () => networkFailure('ECONNRESET');
    const error = (await http.get('/sites/x').catch((e: unknown) => e)) as UnavailableError;
    expect(error).toBeInstanceOf(UnavailableError);
    expect(error.tries).toBe(3);
    expect(error.message).toMatch(/unreachable after 3 tries/);
  });

  it.each([
    [500, '-2147024860, Microsoft.SharePoint.SPQueryThrottledException', 'The attempted operation is prohibited because it exceeds the list view threshold.'],
    [429, 'activityLimitReached', 'The attempted operation is prohibited because it exceeds the list view threshold.'],
    [503, 'serviceNotAvailable', 'SPQueryThrottledException'],
  ])('does not retry a threshold refusal answered %i', async (status, code, message) => {
    const { http, transport, sleeps } = fakeGraph();
    transport.answer(graphError(status, code, message, { 'Retry-After': '1' }), ok());
    const error = (await http.get('/sites/x/lists/y/items').catch((e: unknown) => e)) as ThresholdRefusedError;
    expect(error).toBeInstanceOf(ThresholdRefusedError);
    expect(error.reason).toBe('listViewThreshold');
    expect(error.message).toMatch(/query shape, not load/);
    expect(transport.sent).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("recognises a threshold refusal by Graph's inner error code alone", async () => {
    const { http, transport } = fakeGraph();
    const body = { error: { code: 'activityLimitReached', message: 'Refused.', innerError: { code: 'listViewThresholdExceeded' } } };
    transport.answer(json(429, body, { 'Retry-After': '1' }), ok());
    await expect(http.get('/sites/x/lists/y/items')).rejects.toBeInstanceOf(ThresholdRefusedError);
    expect(transport.sent).toHaveLength(1);
  });

  it('answers a 412 at once (not a retry case)', async () => {
    const { http, transport } = fakeGraph();
    transport.answer(graphError(412, 'preconditionFailed', 'The ETag does not match'));
    await expect(http.patch('/sites/x/lists/y/items/1/fields', {}, { headers: { 'If-Match': '"a,1"' } })).rejects.toBeInstanceOf(ConflictError);
    expect(transport.sent).toHaveLength(1);
  });

  it('lets a caller abort without retrying', async () => {
    const { http, transport } = fakeGraph();
    const controller = new AbortController();
    transport.fallback = () => {
      controller.abort();
      return networkFailure('ECONNRESET');
    };
    await expect(http.get('/sites/x', { signal: controller.signal })).rejects.toBeInstanceOf(UnavailableError);
    expect(transport.sent).toHaveLength(1);
  });

  it('counts a try that outlasts the per-try time limit as a dropped connection', async () => {
    let calls = 0;
    // Hangs until its signal fires on the first call, then answers at once.
    const slowOnce: Middleware = {
      execute: async (context: Context) => {
        calls += 1;
        if (calls === 1) {
          await new Promise((_resolve, reject) => context.options?.signal?.addEventListener('abort', () => reject(new DOMException('timed out', 'TimeoutError'))));
        }
        context.response = json(200, { id: 'x' });
      },
    };
    const http = createGraphHttp({ baseUrl: 'http://127.0.0.1:4999', auth: async () => 't', transport: slowOnce, retry: { attemptTimeoutMs: 50, sleep: async () => undefined } });
    await expect(http.get('/sites/x')).resolves.toMatchObject({ status: 200 });
    expect(calls).toBe(2);
  });
});
