import { describe, expect, it } from 'vitest';
import { ticketsList } from '../../../sharepoint-lists/tickets';
import { ConflictError, NotFoundError } from '../errors';
import { and, field, orderBy } from '../odata';
import { fakeGraph, graphError, json } from '../testing/fake-transport';
import { columnDefinition, resolveSite } from './list-admin';
import { ListsGateway, PageCapExceededError } from './lists-gateway';

const BASE = 'http://127.0.0.1:4999';
const SITE = 'contoso.sharepoint.com,11111111-1111-1111-1111-111111111111,22222222-2222-2222-2222-222222222222';

function item(id: number, etag = `"e${id},1"`) {
  return { id: String(id), eTag: etag, fields: { '@odata.etag': etag, id: String(id), Title: `Item ${id}` } };
}

function setup() {
  const fake = fakeGraph({ baseUrl: BASE });
  return { ...fake, lists: new ListsGateway(fake.http, SITE) };
}

describe('ListsGateway', () => {
  it('resolves a site by hostname and path', async () => {
    const { http, transport } = fakeGraph({ baseUrl: BASE });
    transport.answer(json(200, { id: SITE }));
    expect(await resolveSite(http, 'contoso.sharepoint.com', '/sites/servicedesk')).toBe(SITE);
    expect(transport.sent[0]?.url).toBe(`${BASE}/v1.0/sites/contoso.sharepoint.com:/sites/servicedesk`);
  });

  it('resolves list ids by display name, ignoring case, and reports every missing name', async () => {
    const { lists, transport } = setup();
    transport.answer(json(200, { value: [{ id: 'L1', displayName: 'Tickets' }], '@odata.nextLink': `${BASE}/v1.0/sites/${SITE}/lists?$skiptoken=2` }), json(200, { value: [{ id: 'L2', displayName: 'Support groups' }] }));
    expect(await lists.resolveListIds({ tickets: 'Tickets', groups: 'Support Groups' })).toEqual({ tickets: 'L1', groups: 'L2' });
    expect(transport.sent[1]?.url).toBe(`${BASE}/v1.0/sites/${SITE}/lists?$skiptoken=2`);

    transport.answer(json(200, { value: [{ id: 'L1', displayName: 'Tickets' }] }));
    await expect(lists.resolveListIds({ tickets: 'Tickets', groups: 'Support Groups', services: 'Services' })).rejects.toThrow(
      /no list with the configured display name for groups \('Support Groups'\), services \('Services'\).*lists present: 'Tickets'/,
    );
  });

  it('creates a missing list with the schema columns, and leaves an existing one alone', async () => {
    const { lists, transport } = setup();
    transport.answer(json(200, { value: [] }), json(201, { id: 'NEW', displayName: 'Tickets' }));
    expect(await lists.ensureList(ticketsList)).toEqual({ id: 'NEW', created: true });
    const body = JSON.parse(transport.sent[1]?.body ?? '{}') as { displayName: string; columns: { name: string }[]; list: unknown };
    expect(body.displayName).toBe('Tickets');
    expect(body.list).toEqual({ template: 'genericList' });
    expect(body.columns.map((c) => c.name)).not.toContain('Title');
    expect(body.columns).toContainEqual(expect.objectContaining({ name: 'IsOpen', indexed: true, required: true, boolean: {} }));

    transport.answer(json(200, { value: [{ id: 'OLD', displayName: 'tickets' }] }));
    expect(await lists.ensureList(ticketsList)).toEqual({ id: 'OLD', created: false });
  });

  it('maps schema column types to Graph column definitions', () => {
    expect(columnDefinition({ name: 'History', type: 'note' })).toMatchObject({ text: { allowMultipleLines: true } });
    expect(columnDefinition({ name: 'N', type: 'text', maxLength: 32, unique: true, indexed: true })).toMatchObject({ text: { maxLength: 32 }, enforceUniqueValues: true, indexed: true });
    expect(columnDefinition({ name: 'C', type: 'choice', choices: ['A', 'B'] })).toMatchObject({ choice: { choices: ['A', 'B'], allowTextEntry: false } });
    expect(columnDefinition({ name: 'D', type: 'dateTime' })).toMatchObject({ dateTime: { format: 'dateTime' } });
    expect(columnDefinition({ name: 'X', type: 'number' })).toMatchObject({ number: {} });
  });

  it('queries with $expand=fields, the built filter and order, $top and the Prefer header on request', async () => {
    const { lists, transport } = setup();
    transport.answer(json(200, { value: [item(1), item(2)], '@odata.nextLink': `${BASE}/v1.0/sites/${SITE}/lists/L/items?$skiptoken=x` }));
    const page = await lists.queryItems('L', { filter: and(field('IsOpen').eq(true), field('Title').eq("O'Brien")), orderBy: orderBy(['Priority', 'desc']), top: 2, allowNonIndexed: true });
    expect(page.items.map((i) => i.id)).toEqual(['1', '2']);
    expect(page.items[0]?.etag).toBe('"e1,1"');
    expect(page.nextLink).toContain('$skiptoken=x');
    const url = new URL(transport.sent[0]?.url ?? '');
    expect(url.searchParams.get('$expand')).toBe('fields');
    expect(url.searchParams.get('$filter')).toBe("fields/IsOpen eq 1 and fields/Title eq 'O''Brien'");
    expect(url.searchParams.get('$orderby')).toBe('fields/Priority desc');
    expect(url.searchParams.get('$top')).toBe('2');
    expect(transport.sent[0]?.headers['prefer']).toBe('HonorNonIndexedQueriesWarningMayFailRandomly');
  });

  it('refuses a page size Graph would refuse', async () => {
    const { lists } = setup();
    await expect(lists.queryItems('L', { top: 5001 })).rejects.toThrow(RangeError);
    await expect(lists.queryItems('L', { top: 0 })).rejects.toThrow(RangeError);
  });

  it('pages through every item with pageAll and throws rather than truncate past the cap', async () => {
    const pages = () => [
      json(200, { value: [item(1), item(2)], '@odata.nextLink': `${BASE}/v1.0/sites/${SITE}/lists/L/items?$skiptoken=2` }),
      json(200, { value: [item(3), item(4)], '@odata.nextLink': `${BASE}/v1.0/sites/${SITE}/lists/L/items?$skiptoken=4` }),
      json(200, { value: [item(5)] }),
    ];
    const a = setup();
    a.transport.answer(...pages());
    expect((await a.lists.listAll('L', { top: 2 }, { maxItems: 5 })).map((i) => i.id)).toEqual(['1', '2', '3', '4', '5']);

    const b = setup();
    b.transport.answer(...pages());
    await expect(b.lists.listAll('L', { top: 2 }, { maxItems: 4 })).rejects.toBeInstanceOf(PageCapExceededError);
  });

  it('creates an item with its fields and hands back id and ETag', async () => {
    const { lists, transport } = setup();
    transport.answer(json(201, item(12)));
    expect(await lists.createItem('L', { Title: 'Item 12' })).toMatchObject({ id: '12', etag: '"e12,1"' });
    expect(JSON.parse(transport.sent[0]?.body ?? '{}')).toEqual({ fields: { Title: 'Item 12' } });
  });

  it('updates with If-Match and returns the new ETag; a stale one is a ConflictError', async () => {
    const { lists, transport } = setup();
    transport.answer(json(200, { '@odata.etag': '"e7,2"', Title: 'New' }));
    expect(await lists.updateItem('L', '7', { Title: 'New' }, '"e7,1"')).toEqual({ etag: '"e7,2"', fields: { '@odata.etag': '"e7,2"', Title: 'New' } });
    expect(transport.sent[0]).toMatchObject({ method: 'PATCH', url: `${BASE}/v1.0/sites/${SITE}/lists/L/items/7/fields` });
    expect(transport.sent[0]?.headers['if-match']).toBe('"e7,1"');

    transport.answer(graphError(412, 'preconditionFailed', 'ETag mismatch'));
    await expect(lists.updateItem('L', '7', { Title: 'Newer' }, '"e7,1"')).rejects.toBeInstanceOf(ConflictError);
    await expect(lists.updateItem('L', '7', { Title: 'x' }, '')).rejects.toThrow(/needs the ETag/);
  });

  it('falls back to reading the item when an update answer carries no ETag', async () => {
    const { lists, transport } = setup();
    transport.answer(json(200, { Title: 'New' }), json(200, item(7, '"e7,9"')));
    expect((await lists.updateItem('L', '7', { Title: 'New' }, '"e7,1"')).etag).toBe('"e7,9"');
  });

  it('deletes with an optional If-Match; a missing item is NotFoundError', async () => {
    const { lists, transport } = setup();
    transport.answer(new Response(null, { status: 204 }), new Response(null, { status: 204 }), graphError(404, 'itemNotFound', 'gone'));
    await lists.deleteItem('L', '7', '"e7,2"');
    await lists.deleteItem('L', '8');
    expect(transport.sent[0]?.headers['if-match']).toBe('"e7,2"');
    expect(transport.sent[1]?.headers['if-match']).toBeUndefined();
    await expect(lists.getItem('L', '9')).rejects.toBeInstanceOf(NotFoundError);
  });
});
