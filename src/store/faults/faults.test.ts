import { request as httpRequest } from 'node:http';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../test-support';

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore();
});
afterAll(() => t.close());

const setFaults = (body: unknown) => t.call('POST', '/_store/faults', { body });

describe('test controls', () => {
  it('answers the next N /v1.0 requests with 429, Retry-After and Graph’s throttling error, then recovers', async () => {
    const set = await setFaults({ throttleNext: 2, retryAfterSeconds: 2 });
    expect(set.body).toMatchObject({ throttleRemaining: 2 });
    for (let i = 0; i < 2; i++) {
      const answer = await t.graph('GET', `/sites/${t.siteId}`);
      expect(answer.status).toBe(429);
      expect(answer.headers['retry-after']).toBe('2');
      expect(answer.body.error).toMatchObject({ code: 'activityLimitReached', message: 'The request has been throttled', innerError: { code: 'throttledRequest' } });
      expect(answer.headers['request-id']).toBe(answer.body.error.innerError['request-id']);
    }
    expect((await t.graph('GET', `/sites/${t.siteId}`)).status).toBe(200);
    expect((await t.call('GET', '/_store/faults')).body).toMatchObject({ throttleRemaining: 0, injected: { throttle: 2 } });
  });

  it('leaves the issuer and the controls alone, and can be cleared', async () => {
    await setFaults({ throttleNext: 5 });
    expect((await t.call('GET', `/local-issuer/${t.store.identity.tenantId}/discovery/v2.0/keys`)).status).toBe(200);
    expect((await t.call('GET', '/_store/health')).body).toMatchObject({ status: 'ok', siteId: t.siteId });
    expect((await t.call('DELETE', '/_store/faults')).status).toBe(204);
    expect((await t.graph('GET', `/sites/${t.siteId}`)).status).toBe(200);
  });

  it('refuses settings it does not understand', async () => {
    expect((await setFaults({ throttleNext: -1 })).status).toBe(400);
    expect((await setFaults({ throttleNext: 1, retryAfterHeaderName: 'X-Wait' })).body.error.message).toMatch(/Retry-After in some letter case/);
    expect((await setFaults({ throttleNext: 1, dropConnections: true })).status).toBe(400);
    expect((await setFaults({ drop: { probability: 1.5 } })).status).toBe(400);
    expect((await setFaults({ slow: { count: 1, delayMs: 0 } })).status).toBe(400);
    expect((await setFaults({ methods: ['TRACE'] })).status).toBe(400);
  });

  it('exists only when test controls are on', async () => {
    const plain = await openTestStore({ testControls: false });
    try {
      expect((await plain.call('POST', '/_store/faults', { body: { throttleNext: 1 } })).status).toBe(404);
      expect((await plain.call('GET', '/_store/health')).body).toMatchObject({ status: 'ok', testControls: false });
    } finally {
      await plain.close();
    }
  });

  it('sends the Retry-After header name in exactly the configured letter case', async () => {
    const app = Fastify({ logger: false });
    await t.store.registerRoutes(app);
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const port = (app.server.address() as { port: number }).port;
      await setFaults({ throttleNext: 1, retryAfterSeconds: 7, retryAfterHeaderName: 'rEtRy-AfTeR' });
      const raw = await new Promise<string[]>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path: `/v1.0/sites/${t.siteId}`, headers: { authorization: `Bearer ${t.token}` } }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.rawHeaders));
        });
        req.on('error', reject);
        req.end();
      });
      expect(raw[raw.indexOf('rEtRy-AfTeR') + 1]).toBe('7');
    } finally {
      await app.close();
    }
  });
});
