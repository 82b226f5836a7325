// KPI targets and the watermelon margin over HTTP: admins add target versions and set the margin; analysts,
// requesters and service owners are refused (403) and change nothing; a stale If-Match or version is a 409; bad
// thresholds are a 400 whose code and message name the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, type PersonName, type World } from '../support/api-world';
import { call } from '../support/embedded-server';

let world: World;
beforeAll(async () => {
  world = await startWorld();
}, 60_000);
afterAll(async () => {
  await world?.server.stop();
});

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const sla = (extra: Record<string, unknown> = {}) => ({ kpi: 'slaResolution', groupId: null, serviceId: null, direction: 'higherIsBetter', green: 95, amber: 90, effectiveFrom: tomorrow(), ...extra });
const settings = () => call(world.origin, '/api/admin/kpi-settings', { token: world.tokens.admin });
const addVersion = (who: PersonName, id: string, body: unknown, headers: Record<string, string> = {}) =>
  call(world.origin, `/api/admin/kpi-targets/${id}/versions`, { token: world.tokens[who], body, headers });
const setMargin = (who: PersonName, body: unknown, headers: Record<string, string> = {}) =>
  call(world.origin, '/api/admin/kpi-settings', { token: world.tokens[who], method: 'PUT', body, headers });

describe('KPI target versions', () => {
  it('starts empty with the default margin, then an admin adds version 1 and version 2 of a target', async () => {
    const empty = await settings();
    expect([empty.status, empty.body.targets, empty.body.watermelonMarginPoints, empty.body.etag]).toEqual([200, [], 2, null]);
    const v1 = await addVersion('admin', 'slaResolution', sla());
    expect([v1.status, v1.body.targets.length, v1.headers.get('etag')]).toEqual([201, 1, v1.body.etag]);
    expect(v1.body.targets[0]).toMatchObject({ id: 'slaResolution', version: 1, green: 95, amber: 90, createdByName: 'Ada Admin' });
    // A date is the start of that day in Europe/London.
    expect(new Date(v1.body.targets[0].effectiveFrom).toLocaleString('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })).toBe('00:00');
    const v2 = await addVersion('admin', 'slaResolution', sla({ green: 97, amber: 92, effectiveFrom: inDays(30), version: 2 }), { 'if-match': v1.body.etag });
    expect(v2.status).toBe(201);
    expect(v2.body.targets.map((t: { version: number; green: number }) => [t.version, t.green])).toEqual([[1, 95], [2, 97]]);
    const owner = await call(world.origin, '/api/admin/kpi-settings', { token: world.tokens.owner });
    expect([owner.status, owner.body.targets.length]).toEqual([200, 2]);
  });

  it('refuses analysts, requesters and service owners with 403, and nothing changes', async () => {
    const before = (await settings()).body;
    for (const who of ['desk', 'net', 'caller', 'stranger', 'owner'] as const) {
      const add = await addVersion(who, 'slaResolution', sla({ effectiveFrom: inDays(60) }));
      const margin = await setMargin(who, { watermelonMarginPoints: 5 });
      expect([who, add.status, add.body.error.code, margin.status, margin.body.error.code]).toEqual([who, 403, 'forbidden', 403, 'forbidden']);
    }
    expect((await call(world.origin, '/api/admin/kpi-settings', { token: world.tokens.desk })).status).toBe(403);
    expect((await settings()).body).toEqual(before);
  });

  it('answers 409 to a stale If-Match and to a version someone else already added', async () => {
    const read = (await settings()).body;
    expect((await setMargin('admin', { watermelonMarginPoints: 2.5 }, { 'if-match': read.etag })).status).toBe(200);
    const stale = await addVersion('admin', 'slaResolution', sla({ effectiveFrom: inDays(60) }), { 'if-match': read.etag });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'conflict']);
    const taken = await addVersion('admin', 'slaResolution', sla({ effectiveFrom: inDays(60), version: 2 }));
    expect([taken.status, taken.body.error.code, taken.body.error.message]).toEqual([409, 'conflict', expect.stringContaining('the next version is 3')]);
    const staleMargin = await setMargin('admin', { watermelonMarginPoints: 4 }, { 'if-match': read.etag });
    expect(staleMargin.status).toBe(409);
    expect((await settings()).body.targets).toHaveLength(2);
    expect((await settings()).body.watermelonMarginPoints).toBe(2.5);
  });

  it('answers 400 naming the field for thresholds out of order or range, a past date, an unknown KPI or group', async () => {
    const bad = async (body: Record<string, unknown>, id = 'reopenRate') => {
      const a = await addVersion('admin', id, body);
      return [a.status, a.body.error.code, a.body.error.details.map((d: { field: string }) => d.field)];
    };
    const order = await addVersion('admin', 'slaResolution-x', sla({ serviceId: 'printing', green: 80, amber: 90 }));
    expect([order.status, order.body.error.code, order.body.error.details[0].field]).toEqual([400, 'thresholds_out_of_order', 'amber']);
    expect(order.body.error.message).toMatch(/^amber: The amber threshold \(90\) must not be above the green threshold/);
    const lower = { kpi: 'reopenRate', direction: 'lowerIsBetter', effectiveFrom: tomorrow() };
    expect(await bad({ ...lower, green: 10, amber: 5 })).toEqual([400, 'thresholds_out_of_order', ['amber']]);
    expect(await bad({ ...lower, green: 5, amber: 120 })).toEqual([400, 'threshold_out_of_range', ['amber']]);
    expect(await bad({ ...lower, green: 'five', amber: 10 })).toEqual([400, 'invalid_target', ['green']]);
    expect(await bad({ ...lower, green: 5, amber: 10, effectiveFrom: '2020-01-01' })).toEqual([400, 'starts_in_past', ['effectiveFrom']]);
    expect(await bad({ ...lower, green: 5, amber: 10, effectiveFrom: 'next week' })).toEqual([400, 'invalid_target', ['effectiveFrom']]);
    expect(await bad({ ...lower, kpi: 'happiness', green: 5, amber: 10 })).toEqual([400, 'invalid_target', ['kpi']]);
    expect(await bad({ ...lower, groupId: 'nowhere', green: 5, amber: 10 })).toEqual([400, 'invalid_target', ['groupId']]);
    expect(await bad({ ...lower, green: 5, amber: 10 }, 'bad id!')).toEqual([400, 'invalid_target', ['id']]);
    // A second series for a KPI and scope that already has one.
    expect(await bad(sla({ effectiveFrom: inDays(60) }), 'sla-again')).toEqual([400, 'duplicate_scope', ['id']]);
    expect((await settings()).body.targets).toHaveLength(2);
  });

  it('sets the watermelon margin, refusing a bad margin and targets sent in bulk', async () => {
    const read = (await settings()).body;
    const zero = await setMargin('admin', { watermelonMarginPoints: 0 });
    expect([zero.status, zero.body.error.code, zero.body.error.details[0].field]).toEqual([400, 'invalid_margin', 'watermelonMarginPoints']);
    expect(zero.body.error.message).toMatch(/^watermelonMarginPoints: /);
    expect((await setMargin('admin', { watermelonMarginPoints: '3' })).status).toBe(400);
    const bulk = await setMargin('admin', { targets: [], watermelonMarginPoints: 3 });
    expect([bulk.status, bulk.body.error.code]).toEqual([400, 'targets_are_versioned']);
    const saved = await setMargin('admin', { watermelonMarginPoints: 3 }, { 'if-match': read.etag });
    expect([saved.status, saved.body.watermelonMarginPoints, saved.body.targets.length, saved.body.updatedByName]).toEqual([200, 3, 2, 'Ada Admin']);
  });
});
