// The per-app resource-unit budget: costs per request type, RateLimit headers from 80 %, 429 with Retry-After
// equal to RateLimit-Reset when spent, $batch steps charged one by one, daily limit.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../test-support';
import { budgetSettingsFromEnv, ResourceBudget, resourceUnitCost } from './budget';

let t: TestStore;
let items: string;
let clock = Date.parse('2026-03-02T10:00:00Z');
beforeAll(async () => {
  t = await openTestStore({ now: () => new Date(clock) });
  await t.graph('POST', `/sites/${t.siteId}/lists`, { body: { displayName: 'Budget', columns: [] } });
  items = `/sites/${t.siteId}/lists/Budget/items`;
});
beforeEach(() => t.store.budget.set(undefined));
afterAll(() => t.close());

describe('resource-unit costs', () => {
  it('charges 1 for one resource or a download, 2 for a collection or any write, 0 for the $batch envelope and the directory', () => {
    expect(resourceUnitCost('GET', '/v1.0/sites/x/lists/L/items/3?$expand=fields')).toBe(1);
    expect(resourceUnitCost('GET', '/v1.0/sites/x/lists/L/items?$filter=a')).toBe(2);
    expect(resourceUnitCost('GET', '/v1.0/drives/d/root:/a:/children')).toBe(2);
    expect(resourceUnitCost('GET', '/v1.0/drives/d/items/i/content')).toBe(1);
    expect(resourceUnitCost('GET', '/v1.0/users')).toBe(0);
    expect(resourceUnitCost('GET', '/v1.0/users/a@b.c')).toBe(0);
    expect(resourceUnitCost('POST', '/v1.0/sites/x/lists/L/items')).toBe(2);
    expect(resourceUnitCost('PATCH', '/v1.0/sites/x/lists/L/items/1/fields')).toBe(2);
    expect(resourceUnitCost('PUT', '/v1.0/drives/d/root:/a.txt:/content')).toBe(2);
    expect(resourceUnitCost('DELETE', '/v1.0/sites/x/lists/L/items/1')).toBe(2);
    expect(resourceUnitCost('POST', '/v1.0/$batch')).toBe(0);
  });
});

describe('the budget over /v1.0', () => {
  it('adds RateLimit headers from 80 % of the minute, then answers 429 with Retry-After = RateLimit-Reset', async () => {
    t.store.budget.set({ perMinute: 10 });
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 5; i++) {
      last = await t.graph('POST', items, { body: { fields: { Title: `b${i}` } } });
      statuses.push(last.status);
      if (i === 2) expect(last.headers['ratelimit-limit']).toBeUndefined();
      if (i === 3) expect(last.headers).toMatchObject({ 'ratelimit-limit': '10', 'ratelimit-remaining': '2', 'ratelimit-reset': '60' });
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201]);
    clock += 20_000;
    const refused = await t.graph('GET', `${items}/1`);
    expect(refused.status).toBe(429);
    expect(refused.headers).toMatchObject({ 'retry-after': '40', 'ratelimit-limit': '10', 'ratelimit-remaining': '0', 'ratelimit-reset': '40' });
    expect(refused.body.error).toMatchObject({ code: 'activityLimitReached', innerError: { code: 'throttledRequest', resourceUnitLimit: 'App 1-minute resource unit' } });
    clock += 40_000;
    expect((await t.graph('GET', `${items}/1`)).status).toBe(200);
  });

  it('charges each $batch step, so a batch can be cut short by the budget step by step', async () => {
    t.store.budget.set({ perMinute: 7 });
    const requests = Array.from({ length: 5 }, (_, i) => ({ id: String(i), method: 'GET', url: `${items}/1` }));
    const answer = await t.graph('POST', '/$batch', { body: { requests } });
    expect(answer.status).toBe(200);
    expect(answer.body.responses.map((r: any) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const again = await t.graph('POST', '/$batch', { body: { requests } });
    expect(again.body.responses.map((r: any) => r.status)).toEqual([200, 200, 429, 429, 429]);
    expect(again.body.responses[2].headers).toMatchObject({ 'Retry-After': expect.any(String), 'RateLimit-Remaining': '0' });
    expect(t.store.budget.snapshot()).toMatchObject({ enabled: true, perMinute: 7 });
    clock += 60_000;
  });

  it('keeps a daily limit, answered with Retry-After only', async () => {
    t.store.budget.set({ perMinute: 100, perDay: 3 });
    expect((await t.graph('GET', `${items}/1`)).status).toBe(200);
    expect((await t.graph('GET', `${items}/1`)).status).toBe(200);
    expect((await t.graph('GET', `${items}/1`)).status).toBe(200);
    const refused = await t.graph('GET', `${items}/1`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(86_000);
    expect(refused.headers['ratelimit-limit']).toBeUndefined();
    expect(refused.body.error.innerError.resourceUnitLimit).toBe('App daily resource unit');
  });

  it('is a test control and an env setting', async () => {
    const set = await t.call('POST', '/_store/budget', { body: { perMinute: 1200, perDay: 1_200_000 } });
    expect(set.body).toMatchObject({ enabled: true, perMinute: 1200, perDay: 1_200_000, windowSeconds: 60 });
    expect((await t.call('POST', '/_store/budget', { body: { perMinute: 0 } })).status).toBe(400);
    expect((await t.call('DELETE', '/_store/budget')).status).toBe(204);
    expect((await t.call('GET', '/_store/budget')).body).toEqual({ enabled: false });
    expect(budgetSettingsFromEnv({ ITSM_STORE_RU_PER_MINUTE: '1200', ITSM_STORE_RU_PER_DAY: '1200000' })).toMatchObject({ perMinute: 1200, perDay: 1_200_000 });
    expect(budgetSettingsFromEnv({})).toBeUndefined();
    expect(() => budgetSettingsFromEnv({ ITSM_STORE_RU_PER_MINUTE: 'lots' })).toThrow(/whole numbers/);
  });

  it('keeps apps apart', () => {
    let now = 0;
    const budget = new ResourceBudget(() => now);
    budget.set({ perMinute: 2, windowSeconds: 1 });
    expect(budget.charge('a', 2).allowed).toBe(true);
    expect(budget.charge('a', 1).allowed).toBe(false);
    expect(budget.charge('b', 2).allowed).toBe(true);
    now = 1000;
    expect(budget.charge('a', 2).allowed).toBe(true);
  });
});
