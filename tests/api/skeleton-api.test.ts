import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevUserDto, MeResponse, QueuePageResponse } from '../../src/contracts/api';
import { busiestSingleGroupAnalyst, demoFacts, type DemoFacts } from '../support/demo-seed';
import type { EmbeddedServer } from '../support/embedded-server';
import { call, startEmbeddedServer, tokenFor } from '../support/embedded-server';

let server: EmbeddedServer;
let analyst: string;
let requester: string;
let requesterUpn: string;
let otherRequester: string;
let facts: DemoFacts;
let analystGroup: { key: string; name: string };

beforeAll(async () => {
  server = await startEmbeddedServer();
  facts = await demoFacts();
  const users = (await call(server.origin, '/dev/users')).body as unknown as DevUserDto[];
  // The demo seed is the ServiceNow slice: an analyst is a resolver from the log, a member of the groups they worked in.
  const chosen = busiestSingleGroupAnalyst(facts);
  analystGroup = chosen.group;
  const deskAnalyst = users.find((u) => u.upn === chosen.upn);
  const staff = users.filter((u) => u.roles.length === 0);
  if (!deskAnalyst || staff.length < 2) throw new Error('seed has no analyst from the log or staff');
  analyst = await tokenFor(server.origin, deskAnalyst.upn);
  requesterUpn = staff[0]!.upn;
  requester = await tokenFor(server.origin, requesterUpn);
  otherRequester = await tokenFor(server.origin, staff[1]!.upn);
});

afterAll(async () => {
  await server?.stop();
});

describe('GET /api/me', () => {
  it('answers 401 with a reason without a valid token', async () => {
    expect((await call(server.origin, '/api/me')).status).toBe(401);
    const forged = await call(server.origin, '/api/me', { token: `${analyst.slice(0, -4)}AAAA` });
    expect(forged.status).toBe(401);
    expect(forged.body.error.message).toBe('The token signature is not from the trusted issuer.');
  });

  it('gives the person, roles and support groups from the token claims', async () => {
    const me = (await call(server.origin, '/api/me', { token: analyst })).body as MeResponse;
    expect(me.roles).toEqual(['Analyst']);
    expect(me.supportGroups).toEqual([analystGroup]);
    const staff = (await call(server.origin, '/api/me', { token: requester })).body as MeResponse;
    expect(staff).toMatchObject({ upn: requesterUpn, roles: [], supportGroups: [] });
  });
});

describe('group queue', () => {
  async function allPages(groupKey: string, pageSize: number) {
    const numbers: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `pageSize=${pageSize}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = (await call(server.origin, `/api/queues/${groupKey}?${query}`, { token: analyst })).body as QueuePageResponse;
      numbers.push(...page.items.map((t) => t.number));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    return { numbers, pages };
  }

  it('pages through every open ticket of each group, each once, most urgent first', async () => {
    // Each group's queue holds exactly the slice's tickets that were open at the cut-off in that group.
    for (const [group, open] of facts.openByGroup) {
      const { numbers, pages } = await allPages(group, 40);
      expect(new Set(numbers).size).toBe(numbers.length);
      expect(pages).toBe(Math.ceil(numbers.length / 40) || 1);
      expect([group, numbers.length]).toEqual([group, open]);
    }
    const first = (await call(server.origin, `/api/queues/${analystGroup.key}?pageSize=200`, { token: analyst })).body as QueuePageResponse;
    const priorities = first.items.map((t) => t.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => a - b));
    expect(first.items.every((t) => t.assignedGroupId === analystGroup.key && ['New', 'InProgress', 'OnHold'].includes(t.state))).toBe(true);
  });

  it('refuses requesters, unknown groups, bad page sizes and foreign cursors with clear errors', async () => {
    const asStaff = await call(server.origin, `/api/queues/${analystGroup.key}`, { token: requester });
    expect(asStaff.status).toBe(403);
    expect(asStaff.body.error.message).toBe('Only analysts and admins can see support group queues.');
    expect((await call(server.origin, "/api/queues/no-such-group", { token: analyst })).body.error.message).toBe('There is no support group with the key "no-such-group".');
    expect((await call(server.origin, `/api/queues/${analystGroup.key}?pageSize=0`, { token: analyst })).status).toBe(400);
    expect((await call(server.origin, `/api/queues/${analystGroup.key}?pageSize=201`, { token: analyst })).status).toBe(400);
    const [busy, other] = [...facts.openByGroup].sort((a, b) => b[1] - a[1]).map(([key]) => key);
    const desk = (await call(server.origin, `/api/queues/${busy}?pageSize=5`, { token: analyst })).body as QueuePageResponse;
    const foreign = await call(server.origin, `/api/queues/${other}?cursor=${desk.nextCursor}`, { token: analyst });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.details[0].field).toBe('cursor');
    expect((await call(server.origin, `/api/queues/${analystGroup.key}?cursor=%7B%7D`, { token: analyst })).status).toBe(400);
  });
});

describe('POST /api/incidents', () => {
  it('creates an incident numbered from its item id, keeping odd text as text', async () => {
    const title = "O'Brien's printer 🖨️ <b>jams</b>";
    const service = facts.reference.services[0]!;
    const created = await call(server.origin, '/api/incidents', {
      token: requester,
      body: { title, description: '<script>window.hacked = 1</script>', impact: 2, urgency: 1, serviceId: service.key },
    });
    expect(created.status).toBe(201);
    expect(created.body.ticket).toMatchObject({ title, priority: 2, state: 'New', assignedGroupId: service.defaultGroupKey, requesterName: expect.any(String) });
    expect(created.body.ticket.number).toMatch(/^INC-\d+$/);
    const queuePath = `/api/queues/${service.defaultGroupKey}?pageSize=200`;
    const queue = (await call(server.origin, queuePath, { token: analyst })).body as QueuePageResponse;
    const all = [...queue.items];
    let cursor = queue.nextCursor;
    while (cursor) {
      const next = (await call(server.origin, `${queuePath}&cursor=${cursor}`, { token: analyst })).body as QueuePageResponse;
      all.push(...next.items);
      cursor = next.nextCursor;
    }
    expect(all.find((t) => t.number === created.body.ticket.number)?.title).toBe(title);
  });

  it('returns the first ticket when a create is retried with the same key, and refuses the key to someone else', async () => {
    const headers = { 'idempotency-key': 'retry-test-0001' };
    const body = { title: 'VPN drops', impact: 3, urgency: 3, serviceId: facts.reference.services[0]!.key };
    const first = await call(server.origin, '/api/incidents', { token: requester, body, headers });
    const again = await call(server.origin, '/api/incidents', { token: requester, body, headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.ticket.number).toBe(first.body.ticket.number);
    const stolen = await call(server.origin, '/api/incidents', { token: otherRequester, body, headers });
    expect(stolen.status).toBe(409);
    expect(stolen.body.error.code).toBe('idempotency_key_reused');
  });

  it('lists every invalid field, and refuses bad JSON and unknown services without storing anything', async () => {
    const bad = await call(server.origin, '/api/incidents', { token: requester, body: { title: '', impact: 4 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field)).toEqual(['title', 'impact', 'urgency']);
    const notJson = await call(server.origin, '/api/incidents', { token: requester, body: '{"title": ' });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.message).toMatch(/^The body is not valid JSON/);
    const unknown = await call(server.origin, '/api/incidents', { token: requester, body: { title: 'x', impact: 1, urgency: 1, serviceId: 'nope' } });
    expect(unknown.body.error).toMatchObject({ code: 'validation', message: 'There is no active service with the key "nope".' });
    expect((await call(server.origin, '/api/incidents', { body: { title: 'x', impact: 1, urgency: 1 } })).status).toBe(401);
  });
});

describe('the local store behind the API', () => {
  it('refuses a person token sent straight to /v1.0', async () => {
    const direct = await call(server.origin, '/v1.0/sites/contoso.sharepoint.com:/sites/servicedesk', { token: requester });
    expect(direct.status).toBe(403);
  });

  it('dev sign-in says which person is unknown', async () => {
    const unknown = await call(server.origin, '/dev/token', { body: { upn: "nobody.o'hara@example.org" } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe("No seeded person has the UPN nobody.o'hara@example.org.");
  });
});
