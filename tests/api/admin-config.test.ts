import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { World } from '../support/api-world';
import { DESK_GROUP_ID, act, people, raise, startWorld } from '../support/api-world';
import { call } from '../support/embedded-server';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.server.stop();
});

const as = (who: keyof World['tokens'], path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
  call(world.origin, path, { token: world.tokens[who], ...init });

describe('support groups', () => {
  it('creates, lists with ETags, and updates with If-Match; a stale ETag is a conflict', async () => {
    const created = await as('admin', '/api/admin/support-groups', { body: { key: 'apps', name: "Business Apps (O'Hara's team) 📊", entraGroupId: 'F0000000-0000-4000-8000-0000000000AA', teamsChannel: '19:abcDEF@thread.tacv2' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key: 'apps', name: "Business Apps (O'Hara's team) 📊", entraGroupId: 'f0000000-0000-4000-8000-0000000000aa', teamsChannelId: '19:abcDEF@thread.tacv2', isActive: true });
    const again = await as('admin', '/api/admin/support-groups', { body: { key: 'apps', name: 'x', entraGroupId: 'f0000000-0000-4000-8000-0000000000aa' } });
    expect([again.status, again.body.error.code]).toEqual([428, 'precondition_required']);

    const listed = (await as('caller', '/api/admin/support-groups')).body.items;
    expect(listed.map((g: any) => g.key)).toEqual(['desk', 'net', 'apps']);
    const etag = listed[2].etag;
    const renamed = await as('admin', '/api/admin/support-groups/apps', { method: 'PUT', body: { name: 'Business Applications', entraGroupId: 'f0000000-0000-4000-8000-0000000000aa', isActive: false }, headers: { 'if-match': etag } });
    expect([renamed.status, renamed.body.name, renamed.body.isActive]).toEqual([200, 'Business Applications', false]);
    const stale = await as('admin', '/api/admin/support-groups/apps', { method: 'PUT', body: { name: 'Apps', entraGroupId: 'f0000000-0000-4000-8000-0000000000aa' }, headers: { 'if-match': etag } });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'conflict']);
    const reference = (await as('caller', '/api/reference')).body;
    expect(reference.supportGroups.map((g: any) => g.key)).toEqual(['desk', 'net']);
  });

  it('names each bad field, refuses the reserved key, and lets nobody but admins write', async () => {
    const bad = await as('admin', '/api/admin/support-groups/Bad%20Key', { method: 'PUT', body: { name: '', entraGroupId: 'not-a-guid', teamsChannelId: 'General' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: any) => d.field)).toEqual(['key', 'name', 'entraGroupId', 'teamsChannelId']);
    const reserved = await as('admin', '/api/admin/support-groups/assigned-to-me', { method: 'PUT', body: { name: 'x', entraGroupId: DESK_GROUP_ID } });
    expect(reserved.body.error.message).toBe('"assigned-to-me" is reserved; choose another key.');
    for (const who of ['desk', 'owner', 'caller'] as const) {
      const refused = await as(who, '/api/admin/support-groups/desk', { method: 'PUT', body: { name: 'Hijacked', entraGroupId: DESK_GROUP_ID } });
      expect([who, refused.status]).toEqual([who, 403]);
    }
    expect((await as('admin', '/api/admin/support-groups')).body.items[0].name).toBe('Service Desk');
  });
});

describe('services and categories', () => {
  it('resolves the service owner from the directory by id or UPN and checks the default group', async () => {
    const byUpn = await as('admin', '/api/admin/services/email', { method: 'PUT', body: { name: 'Email & Calendar', ownerUpn: people.owner.upn, defaultGroupKey: 'desk' } });
    expect(byUpn.status).toBe(201);
    expect(byUpn.body).toMatchObject({ ownerId: people.owner.id, ownerUpn: people.owner.upn, ownerName: 'Olu Owner', defaultGroupKey: 'desk' });
    const noOwner = await as('admin', '/api/admin/services/fax', { method: 'PUT', body: { name: 'Fax', ownerUpn: "nobody.o'hara@world.example", defaultGroupKey: 'desk' } });
    expect(noOwner.body.error).toMatchObject({ code: 'validation', message: "No one in the directory is nobody.o'hara@world.example." });
    const noGroup = await as('admin', '/api/admin/services/fax', { method: 'PUT', body: { name: 'Fax', ownerId: people.owner.id, defaultGroupKey: 'apps' } });
    expect(noGroup.body.error.details).toEqual([{ field: 'defaultGroupKey', message: 'There is no active support group with the key "apps".' }]);
  });

  it('keeps categories with a parent and a service, refusing unknown ones, and offers them when raising', async () => {
    expect((await as('admin', '/api/admin/categories/hardware', { method: 'PUT', body: { name: 'Hardware' } })).status).toBe(201);
    const printers = await as('admin', '/api/admin/categories/printers', { method: 'PUT', body: { name: 'Printers & scanners 🖨️', parentKey: 'hardware', serviceKey: 'printing' } });
    expect(printers.body).toMatchObject({ key: 'printers', parentKey: 'hardware', serviceKey: 'printing', isActive: true });
    const orphan = await as('admin', '/api/admin/categories/ink', { method: 'PUT', body: { name: 'Ink', parentKey: 'ghost' } });
    expect(orphan.body.error.details).toEqual([{ field: 'parentKey', message: 'There is no category with the key "ghost".' }]);
    const reference = (await as('caller', '/api/reference')).body;
    expect(reference.categories).toEqual([{ key: 'hardware', name: 'Hardware', serviceKey: null }, { key: 'printers', name: 'Printers & scanners 🖨️', serviceKey: 'printing' }]);
    const raised = await call(world.origin, '/api/incidents', { token: world.tokens.caller, body: { title: 'Jam', impact: 3, urgency: 3, serviceId: 'printing', categoryId: 'printers' } });
    expect(raised.status).toBe(201);
    const wrong = await call(world.origin, '/api/incidents', { token: world.tokens.caller, body: { title: 'Jam', impact: 3, urgency: 3, categoryId: 'toasters' } });
    expect(wrong.body.error.message).toBe('There is no active category with the key "toasters".');
  });
});

describe('priority matrix', () => {
  it('serves the default until an admin saves one; new tickets and priority changes then use it', async () => {
    const initial = (await as('caller', '/api/admin/priority-matrix')).body;
    expect(initial).toMatchObject({ matrix: [[1, 2, 3], [2, 3, 4], [3, 4, 5]], isDefault: true, etag: null });
    const inverted = await as('admin', '/api/admin/priority-matrix', { method: 'PUT', body: { matrix: [[3, 2, 3], [2, 3, 4], [3, 4, 5]] } });
    expect(inverted.status).toBe(400);
    expect(inverted.body.error.details.map((d: any) => d.message)).toEqual([
      'Impact 1, urgency 2 is more urgent than the higher urgency beside it.',
      'Impact 2, urgency 1 is more urgent than the higher impact above it.',
    ]);
    expect((await as('desk', '/api/admin/priority-matrix', { method: 'PUT', body: { matrix: [[1, 1, 1], [1, 1, 1], [1, 1, 1]] } })).status).toBe(403);

    const saved = await as('admin', '/api/admin/priority-matrix', { method: 'PUT', body: { matrix: [[1, 1, 2], [2, 3, 4], [3, 4, 4]] } });
    expect(saved.status).toBe(200);
    const read = (await as('caller', '/api/admin/priority-matrix')).body;
    expect(read).toMatchObject({ matrix: [[1, 1, 2], [2, 3, 4], [3, 4, 4]], isDefault: false, updatedByName: 'Ada Admin' });
    expect((await as('caller', '/api/reference')).body.priorityMatrix).toEqual([[1, 1, 2], [2, 3, 4], [3, 4, 4]]);

    const number = await raise(world, world.tokens.caller, { impact: 3, urgency: 3 });
    expect((await as('caller', `/api/tickets/${number}`)).body.ticket.priority).toBe(4);
    const urgent = await act(world, world.tokens.desk, number, 'priority', { impact: 1, urgency: 2, note: 'Whole building' });
    expect(urgent.body.ticket.priority).toBe(1);
    const stale = await as('admin', '/api/admin/priority-matrix', { method: 'PUT', body: { matrix: [[1, 2, 3], [2, 3, 4], [3, 4, 5]] }, headers: { 'if-match': '"stale"' } });
    expect(stale.status).toBe(409);
  });
});

describe('people search', () => {
  it('finds people by a name or UPN prefix, apostrophes and accents included, for analysts only', async () => {
    const found = (await as('desk', `/api/people?search=${encodeURIComponent("o'n")}`)).body;
    expect(found).toEqual({ items: [{ id: people.caller.id, upn: people.caller.upn, name: "Siobhán O'Neill 🌸", jobTitle: null, department: null }], nextCursor: null });
    expect((await as('desk', `/api/people?q=${encodeURIComponent('Siobhán')}`)).body.items.map((p: any) => p.id)).toEqual([people.caller.id]);
    expect((await as('admin', '/api/people?search=m')).body.items).toEqual([]);
    expect((await as('desk', `/api/people?search=${'x'.repeat(101)}`)).status).toBe(400);
    expect((await as('caller', '/api/people?search=sam')).status).toBe(403);
    expect((await call(world.origin, '/api/people?search=sam')).status).toBe(401);
  });
});
