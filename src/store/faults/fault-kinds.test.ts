// 503, slow answers and dropped connections over a real socket, by count and by seeded probability.
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../test-support';
import { faultSettingsFromEnv } from './settings';

let t: TestStore;
let server: FastifyInstance;
let origin: string;
let items: string;

beforeAll(async () => {
  t = await openTestStore();
  await t.graph('POST', `/sites/${t.siteId}/lists`, { body: { displayName: 'Faulty', columns: [{ name: 'Key', text: {}, indexed: true }] } });
  server = Fastify({ logger: false });
  await t.store.registerRoutes(server);
  await server.listen({ port: 0, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${(server.server.address() as { port: number }).port}`;
  items = `${origin}/v1.0/sites/${t.siteId}/lists/Faulty/items`;
});
afterEach(() => t.store.faults.clear());
afterAll(async () => {
  await server.close();
  await t.close();
});

const auth = () => ({ authorization: `Bearer ${t.token}`, 'content-type': 'application/json' });
const create = (key: string) => fetch(items, { method: 'POST', headers: auth(), body: JSON.stringify({ fields: { Title: key, Key: key } }) });
const count = async (key: string): Promise<number> => {
  const answer = await t.graph('GET', `/sites/${t.siteId}/lists/Faulty/items?$filter=${encodeURIComponent(`fields/Key eq '${key}'`)}`);
  return answer.body.value.length;
};

describe('fault kinds', () => {
  it('answers 503 serviceNotAvailable with its own Retry-After', async () => {
    t.store.faults.set({ unavailable: { count: 1, retryAfterSeconds: 4 } });
    const answer = await fetch(`${origin}/v1.0/sites/${t.siteId}`, { headers: auth() });
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBe('4');
    expect((await answer.json()).error.code).toBe('serviceNotAvailable');
    expect((await fetch(`${origin}/v1.0/sites/${t.siteId}`, { headers: auth() })).status).toBe(200);
  });

  it('answers slowly, then correctly', async () => {
    t.store.faults.set({ slow: { count: 1, delayMs: 300 } });
    const started = performance.now();
    const answer = await fetch(`${origin}/v1.0/sites/${t.siteId}`, { headers: auth() });
    expect(answer.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('drops the connection before the work: nothing was created', async () => {
    t.store.faults.set({ drop: { count: 1, phase: 'beforeWork' } });
    await expect(create('before')).rejects.toThrow(/fetch failed/);
    expect(await count('before')).toBe(0);
  });

  it('drops the connection after the work: the item exists, but its answer was lost', async () => {
    t.store.faults.set({ drop: { count: 1, phase: 'afterWork' } });
    await expect(create('after')).rejects.toThrow(/fetch failed/);
    expect(await count('after')).toBe(1);
    expect((await create('after-2')).status).toBe(201);
  });

  it('faults a seeded share of requests, the same ones for the same seed, and only the chosen methods', async () => {
    const pattern = async (): Promise<number[]> => {
      t.store.faults.set({ throttle: { probability: 0.25, retryAfterSeconds: 0 }, seed: 42, methods: ['GET'] });
      const statuses: number[] = [];
      for (let i = 0; i < 80; i++) statuses.push((await fetch(`${origin}/v1.0/sites/${t.siteId}`, { headers: auth() })).status);
      return statuses;
    };
    const first = await pattern();
    const throttled = first.filter((s) => s === 429).length;
    expect(throttled).toBeGreaterThan(8);
    expect(throttled).toBeLessThan(35);
    expect(await pattern()).toEqual(first);
    for (let i = 0; i < 10; i++) expect((await create(`post-${i}`)).status).toBe(201);
    expect(t.store.faults.snapshot()).toMatchObject({ remaining: { throttle: null }, injected: { throttle: throttled } });
  });

  it('stops after count faults even with a probability', async () => {
    t.store.faults.set({ unavailable: { probability: 1, count: 2 } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(`${origin}/v1.0/sites/${t.siteId}`, { headers: auth() })).status);
    expect(statuses).toEqual([503, 503, 200, 200]);
  });

  it('faults only $batch steps, or only requests sent on their own, when scoped', async () => {
    const step = { id: '1', method: 'GET', url: `/sites/${t.siteId}` };
    const batch = () => fetch(`${origin}/v1.0/$batch`, { method: 'POST', headers: auth(), body: JSON.stringify({ requests: [step] }) });
    t.store.faults.set({ unavailable: { probability: 1 }, scope: 'batchSteps' });
    expect((await fetch(`${origin}/v1.0/sites/${t.siteId}`, { headers: auth() })).status).toBe(200);
    const inner = await batch();
    expect(inner.status).toBe(200);
    expect(((await inner.json()) as any).responses[0].status).toBe(503);
    t.store.faults.set({ unavailable: { probability: 1 }, scope: 'requests' });
    expect((await batch()).status).toBe(503);
  });

  it('reads ITSM_STORE_FAULTS and says what is wrong with it', () => {
    expect(faultSettingsFromEnv('{"drop":{"probability":0.1}}')).toEqual({ drop: { probability: 0.1 } });
    expect(faultSettingsFromEnv('')).toBeUndefined();
    expect(() => faultSettingsFromEnv('drop')).toThrow(/ITSM_STORE_FAULTS must be JSON/);
    expect(() => faultSettingsFromEnv('{"drop":{"probability":2}}')).toThrow(/drop\.probability/);
  });
});
