// The adapter against a real local store process: item writes with ETags, paging, literals, ids, mappers.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketsList } from '../../sharepoint-lists/tickets';
import { ConflictError, NotFoundError } from '../../src/data/errors';
import { writeFields } from '../../src/data/mappers/fields';
import { ticketFromItem, ticketToFields } from '../../src/data/mappers/tickets';
import { and, field, ITEM_ID, orderBy } from '../../src/data/odata';
import type { Ticket } from '../../src/domain/tickets/types';
import { connect, STORE_ENV, type Adapter } from './support/adapter';
import { contractList, showStoreErrorsOnFailure } from './support/fixtures';
import { startStore, type StoreProcess } from './support/store-process';

const schema = contractList('Contract Items');
let store: StoreProcess | undefined;
let adapter: Adapter;
let listId: string;

beforeAll(async () => {
  store = await startStore({ env: STORE_ENV });
  adapter = await connect(store);
  listId = (await adapter.lists.ensureList(schema)).id;
});

let removeLater: string | undefined;

afterAll(async () => {
  await store?.stop();
  if (removeLater) rmSync(removeLater, { recursive: true, force: true });
});

showStoreErrorsOnFailure(() => store);

const write = (values: Parameters<typeof writeFields>[1]) => writeFields(schema, values, { partial: false });

describe('lists', () => {
  it('resolves the list by display name, and ensureList leaves an existing list alone', async () => {
    expect(await adapter.lists.resolveListIds({ items: 'contract items' })).toEqual({ items: listId });
    expect(await adapter.lists.ensureList(schema)).toEqual({ id: listId, created: false });
  });
});

describe('items with ETags', () => {
  it('creates, reads, updates with If-Match, and refuses a stale ETag with ConflictError (412)', async () => {
    const created = await adapter.lists.createItem(listId, write({ Title: 'First', Category: 'crud', Rank: 1, Flag: true }));
    expect(created.fields).toMatchObject({ Title: 'First', Category: 'crud', Rank: 1, Flag: true });

    const read = await adapter.lists.getItem(listId, created.id);
    expect(read).toMatchObject({ id: created.id, etag: created.etag });

    const updated = await adapter.lists.updateItem(listId, created.id, { Rank: 2, Note: 'changed' }, read.etag);
    expect(updated.etag).not.toBe(read.etag);
    const reread = await adapter.lists.getItem(listId, created.id);
    expect(reread.etag).toBe(updated.etag);
    expect(reread.fields).toMatchObject({ Rank: 2, Note: 'changed', Title: 'First' });

    const stale = await adapter.lists.updateItem(listId, created.id, { Rank: 3 }, read.etag).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as ConflictError).status).toBe(412);
    expect((await adapter.lists.getItem(listId, created.id)).fields['Rank']).toBe(2);

    await expect(adapter.lists.deleteItem(listId, created.id, read.etag)).rejects.toBeInstanceOf(ConflictError);
    await adapter.lists.deleteItem(listId, created.id, updated.etag);
    await expect(adapter.lists.getItem(listId, created.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('paging', () => {
  it('gives 12 distinct items, 5 at a time, following the store\'s nextLinks', async () => {
    for (let i = 0; i < 12; i += 1) await adapter.lists.createItem(listId, write({ Title: `Paged ${i}`, Category: 'paging', Rank: i }));
    const sizes: number[] = [];
    const ids: string[] = [];
    let page = await adapter.lists.queryItems(listId, { filter: field('Category').eq('paging'), top: 5 });
    for (;;) {
      sizes.push(page.items.length);
      ids.push(...page.items.map((i) => i.id));
      if (!page.nextLink) break;
      expect(page.nextLink).toMatch(new RegExp(`^${store?.origin}/v1\\.0/`));
      page = await adapter.lists.nextPage(page.nextLink);
    }
    expect(sizes).toEqual([5, 5, 2]);
    expect(new Set(ids).size).toBe(12);

    const viaPageAll = await adapter.lists.listAll(listId, { filter: field('Category').eq('paging'), orderBy: orderBy(['Rank', 'desc']), top: 5 }, { maxItems: 12 });
    expect(viaPageAll.map((i) => i.fields['Rank'])).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
  });
});

describe('OData literals', () => {
  it("filters on a value with an apostrophe (O'Brien), and it round-trips", async () => {
    const values = ["O'Brien", 'OBrien', "O''Brien", "Smith & O'Neil #2"];
    for (const v of values) await adapter.lists.createItem(listId, write({ Title: v, Category: v }));
    for (const v of values) {
      const page = await adapter.lists.queryItems(listId, { filter: field('Category').eq(v) });
      expect(page.items.map((i) => i.fields['Title'])).toEqual([v]);
    }
  });

  it('filters booleans, numbers and instants as SharePoint compares them', async () => {
    const due = new Date('2026-03-02T10:00:00Z');
    await adapter.lists.createItem(listId, write({ Title: 'typed-a', Category: 'typed', Rank: 5, Flag: true, DueAt: '2026-03-02T10:00:00Z' }));
    await adapter.lists.createItem(listId, write({ Title: 'typed-b', Category: 'typed', Rank: 7, Flag: false, DueAt: '2026-03-02T11:00:00Z' }));
    const titles = async (...f: Parameters<typeof and>) =>
      (await adapter.lists.queryItems(listId, { filter: and(...f), orderBy: orderBy(ITEM_ID) })).items.map((i) => i.fields['Title']);
    expect(await titles(field('Category').eq('typed'), field('Flag').eq(true))).toEqual(['typed-a']);
    expect(await titles(field('Category').eq('typed'), field('Flag').eq(false))).toEqual(['typed-b']);
    expect(await titles(field('Category').eq('typed'), field('Rank').gt(5))).toEqual(['typed-b']);
    expect(await titles(field('Category').eq('typed'), field('DueAt').le(due))).toEqual(['typed-a']);
  });
});

describe('item ids', () => {
  it("never reuses a deleted last item's id, also after a restart", async () => {
    const a = await adapter.lists.createItem(listId, write({ Title: 'id-a' }));
    const b = await adapter.lists.createItem(listId, write({ Title: 'id-b' }));
    await adapter.lists.deleteItem(listId, b.id);
    const c = await adapter.lists.createItem(listId, write({ Title: 'id-c' }));
    expect(Number(b.id)).toBeGreaterThan(Number(a.id));
    expect(Number(c.id)).toBeGreaterThan(Number(b.id));

    await adapter.lists.deleteItem(listId, c.id);
    const dataDir = (store as StoreProcess).dataDir;
    await (store as StoreProcess).stop({ keepData: true });
    const restarted = await startStore({ env: STORE_ENV, dataDir });
    try {
      const again = await connect(restarted);
      const [sameList] = Object.values(await again.lists.resolveListIds({ items: schema.name }));
      const d = await again.lists.createItem(sameList as string, write({ Title: 'id-d' }));
      expect(Number(d.id)).toBeGreaterThan(Number(c.id));
    } finally {
      await restarted.stop({ keepData: true });
    }
    // The rest of the file goes on over the same data; afterAll removes it.
    store = await startStore({ env: STORE_ENV, dataDir });
    removeLater = dataDir;
    adapter = await connect(store);
  });
});

describe('ticket mapper through the store', () => {
  const person = (n: string) => ({ id: `00000000-0000-4000-8000-00000000000${n}`, upn: `p${n}@contoso.example`, name: `Person ${n}` });
  const ticket: Ticket = {
    number: 'INC-1', type: 'Incident', parentNumber: null, title: "O'Brien's laptop won't boot 💻🔥", description: 'Blue screen.\nTwice.',
    state: 'InProgress', holdReason: null, impact: 2, urgency: 2, priority: 3, isMajorIncident: false, serviceId: 'laptops',
    categoryId: null, assignedGroupId: 'desk', assignee: person('1'), requester: person('2'), openedBy: person('1'), contactChannel: 'Phone',
    openedAt: '2026-03-02T09:00:00Z', updatedAt: '2026-03-02T09:30:00Z', resolvedAt: null, closedAt: null, resolutionCode: null, resolutionNote: null,
    history: [{ at: '2026-03-02T09:00:00Z', by: person('1'), byRole: 'Analyst', action: 'create', changes: [{ field: 'state', from: null, to: 'New' }] }],
  };

  it('writes a ticket as list columns and reads the same ticket back, found by the queue query', async () => {
    const tickets = await adapter.lists.ensureList(ticketsList);
    const created = await adapter.lists.createItem(tickets.id, ticketToFields(ticket, { idempotencyKey: 'k-1' }));
    const stored = ticketFromItem(await adapter.lists.getItem(tickets.id, created.id));
    expect(stored.ticket).toEqual(ticket);
    expect(stored.extras.idempotencyKey).toBe('k-1');

    const queue = await adapter.lists.queryItems(tickets.id, {
      filter: and(field('IsOpen').eq(true), field('AssignedGroupId').eq('desk')),
      orderBy: orderBy('Priority', 'OpenedAt'),
    });
    expect(queue.items.map((i) => ticketFromItem(i).ticket.number)).toEqual(['INC-1']);

    const moved = await adapter.lists.updateItem(tickets.id, created.id, ticketToFields({ ...ticket, state: 'Closed', closedAt: '2026-03-03T09:00:00Z' }), stored.etag);
    expect(moved.etag).not.toBe(stored.etag);
    const closedQueue = await adapter.lists.queryItems(tickets.id, { filter: and(field('IsOpen').eq(true), field('AssignedGroupId').eq('desk')) });
    expect(closedQueue.items).toEqual([]);
  });
});
