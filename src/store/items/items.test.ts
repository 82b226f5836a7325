import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, TEST_COLUMNS, type TestStore } from '../test-support';

let t: TestStore;
let items: string;
beforeAll(async () => {
  t = await openTestStore();
  await t.graph('POST', `/sites/${t.siteId}/lists`, { body: { displayName: 'Things', columns: TEST_COLUMNS } });
  items = `/sites/${t.siteId}/lists/Things/items`;
});
afterAll(() => t.close());

const create = (fields: Record<string, unknown>) => t.graph('POST', items, { body: { fields } });

describe('creating items', () => {
  it('answers 201 with the listItem and its fields, ETag in SharePoint form', async () => {
    const answer = await create({ Title: "O'Brien", Category: 'hardware', Rank: 3, Flag: true, DueAt: '2026-03-01T10:30:00+01:00', State: 'New' });
    expect(answer.status).toBe(201);
    const item = answer.body;
    expect(item.id).toMatch(/^\d+$/);
    expect(item['@odata.etag']).toMatch(/^"[0-9a-f-]{36},1"$/);
    expect(item.eTag).toBe(item['@odata.etag']);
    expect(answer.headers.etag).toBe(item.eTag);
    expect(item.createdBy).toEqual({ application: { id: expect.any(String), displayName: expect.any(String) } });
    expect(item.createdDateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(item.fields).toMatchObject({
      '@odata.etag': item.eTag, id: item.id, Title: "O'Brien", Category: 'hardware', Rank: 3, Flag: true,
      DueAt: '2026-03-01T09:30:00Z', State: 'New', Created: item.createdDateTime, Modified: item.lastModifiedDateTime, _UIVersionString: '1.0',
    });
    // Graph leaves out fields without a value.
    expect(item.fields).not.toHaveProperty('Owner');
    expect(item.fields).not.toHaveProperty('Notes');
  });

  it('reads one item with and without fields, and with fields($select=...)', async () => {
    const id = (await create({ Title: 'read me', Rank: 1 })).body.id;
    const bare = await t.graph('GET', `${items}/${id}`);
    expect(bare.status).toBe(200);
    expect(bare.body).not.toHaveProperty('fields');
    const full = await t.graph('GET', `${items}/${id}?$expand=fields`);
    expect(full.body.fields).toMatchObject({ Title: 'read me', Rank: 1 });
    const selected = await t.graph('GET', `${items}/${id}?expand=fields(select=Rank)`);
    expect(Object.keys(selected.body.fields).sort()).toEqual(['@odata.etag', 'Rank']);
    expect((await t.graph('GET', `${items}/${id}?$expand=fields($select=Nope)`)).body.error.message).toMatch(/'Nope'/);
    expect((await t.graph('GET', `${items}/${id}/fields`)).body).toMatchObject({ Title: 'read me' });
    expect((await t.graph('GET', `${items}/999999`)).status).toBe(404);
    expect((await t.graph('GET', `${items}/abc`)).status).toBe(400);
  });

  it('refuses unknown fields, wrong types, long text and bad choices with 400 naming the field', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ Title: 'x', Colour: 'red' }, /Field 'Colour' is not recognized/],
      [{ Title: 'x', Rank: 'three' }, /field 'Rank': expected a number, got the string 'three'/],
      [{ Title: 'x', Flag: 'yes' }, /field 'Flag': expected true or false/],
      [{ Title: 'x', DueAt: '2026-03-01 10:00' }, /field 'DueAt': expected an ISO 8601/],
      [{ Title: 'x', DueAt: '2026-03-01T10:00:00' }, /field 'DueAt'/],
      [{ Title: 'x'.repeat(256) }, /Field 'Title' is too long: 256 characters, at most 255/],
      [{ Title: 'x', Category: 'c'.repeat(101) }, /Field 'Category' is too long: 101 characters, at most 100/],
      [{ Title: 'x', State: 'Pending' }, /'Pending' is not one of its choices/],
      [{ Title: 'x', Owner: { name: 'a' } }, /field 'Owner': expected a string, got an object/],
      [{ Title: 'x', Created: '2020-01-01T00:00:00Z' }, /Field 'Created' is read-only/],
      [{ Rank: 1 }, /Field 'Title' is required/],
      [{ Title: '' }, /Field 'Title' is required/],
    ];
    for (const [fields, message] of cases) {
      const answer = await create(fields);
      expect(answer.status, JSON.stringify(fields).slice(0, 80)).toBe(400);
      expect(answer.body.error.code).toBe('invalidRequest');
      expect(answer.body.error.message).toMatch(message);
    }
    const notes = 'n'.repeat(200_000);
    const big = await create({ Title: 't'.repeat(255), Notes: notes, Owner: '😀'.repeat(127) });
    expect(big.status).toBe(201);
    expect(big.body.fields.Notes).toHaveLength(200_000);
    const odd = await t.graph('POST', items, { body: { fields: { Title: 'x' }, contentType: { name: 'Item' } } });
    expect(odd.body.error.message).toMatch(/Property 'contentType'/);
    const garbage = await t.call('POST', `/v1.0${items}`, { headers: { authorization: `Bearer ${t.token}`, 'content-type': 'application/json' }, payload: '{"fields": ' });
    expect(garbage.status).toBe(400);
    expect(garbage.body.error).toMatchObject({ code: 'invalidRequest', message: 'The request body is not valid JSON.' });
  });

  it('enforces unique values with 409, ignoring case, and allows many empties', async () => {
    expect((await create({ Title: 'a', Number: 'INC-1' })).status).toBe(201);
    const clash = await create({ Title: 'b', Number: 'inc-1' });
    expect(clash.status).toBe(409);
    expect(clash.body.error).toMatchObject({ code: 'nameAlreadyExists', innerError: { code: 'duplicateValues' } });
    expect(clash.body.error.message).toMatch(/duplicate values were found in the following field\(s\) in the list: \[Number\]/);
    expect((await create({ Title: 'c' })).status).toBe(201);
    expect((await create({ Title: 'd' })).status).toBe(201);
    const other = (await create({ Title: 'e', Number: 'INC-2' })).body;
    const moved = await t.graph('PATCH', `${items}/${other.id}/fields`, { body: { Number: 'INC-1' } });
    expect(moved.status).toBe(409);
    expect((await t.graph('PATCH', `${items}/${other.id}/fields`, { body: { Number: 'INC-2', Title: 'same number kept' } })).status).toBe(200);
  });
});

describe('updating and deleting with ETags', () => {
  it('changes the ETag on every write; a stale If-Match gets 412 and changes nothing', async () => {
    const item = (await create({ Title: 'v1', Rank: 1 })).body;
    const first = await t.graph('PATCH', `${items}/${item.id}/fields`, { body: { Rank: 2 }, headers: { 'if-match': item.eTag } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ Rank: 2, Title: 'v1', _UIVersionString: '2.0' });
    expect(first.body['@odata.etag']).toMatch(/,2"$/);
    expect(first.body['@odata.etag']).not.toBe(item.eTag);

    const stale = await t.graph('PATCH', `${items}/${item.id}/fields`, { body: { Rank: 99 }, headers: { 'if-match': item.eTag } });
    expect(stale.status).toBe(412);
    expect(stale.body.error).toMatchObject({ code: 'resourceModified', innerError: { code: 'entityTagDoesNotMatch' } });
    expect(stale.body.error.message).toContain(first.body['@odata.etag']);
    expect((await t.graph('GET', `${items}/${item.id}?$expand=fields`)).body.fields.Rank).toBe(2);

    const star = await t.graph('PATCH', `${items}/${item.id}/fields`, { body: { Rank: 3 }, headers: { 'if-match': '*' } });
    expect(star.status).toBe(200);
    const unquoted = await t.graph('PATCH', `${items}/${item.id}/fields`, { body: { Rank: 4 }, headers: { 'if-match': star.body['@odata.etag'].replace(/"/g, '') } });
    expect(unquoted.status).toBe(200);
    const unconditional = await t.graph('PATCH', `${items}/${item.id}/fields`, { body: { Owner: null } });
    expect(unconditional.body._UIVersionString).toBe('5.0');
  });

  it('updates through PATCH .../items/{id} with {fields} and answers the listItem', async () => {
    const item = (await create({ Title: 'whole', Flag: false })).body;
    const answer = await t.graph('PATCH', `${items}/${item.id}`, { body: { fields: { Flag: true } }, headers: { 'if-match': item.eTag } });
    expect(answer.status).toBe(200);
    expect(answer.body.fields).toMatchObject({ Flag: true, Title: 'whole' });
    expect(answer.body.eTag).not.toBe(item.eTag);
    expect((await t.graph('PATCH', `${items}/${item.id}`, { body: { fields: { Flag: false } }, headers: { 'if-match': item.eTag } })).status).toBe(412);
    expect((await t.graph('PATCH', `${items}/${item.id}/fields`, { body: { Title: null } })).body.error.message).toMatch(/required/);
  });

  it('deletes with 204, honouring If-Match, then 404', async () => {
    const item = (await create({ Title: 'doomed' })).body;
    const changed = (await t.graph('PATCH', `${items}/${item.id}/fields`, { body: { Rank: 5 } })).body;
    expect((await t.graph('DELETE', `${items}/${item.id}`, { headers: { 'if-match': item.eTag } })).status).toBe(412);
    const gone = await t.graph('DELETE', `${items}/${item.id}`, { headers: { 'if-match': changed['@odata.etag'] } });
    expect(gone.status).toBe(204);
    expect(gone.text).toBe('');
    expect((await t.graph('GET', `${items}/${item.id}`)).status).toBe(404);
    expect((await t.graph('DELETE', `${items}/${item.id}`)).status).toBe(404);
  });

  it('never reuses an id, even after deleting the last item, and across restarts', async () => {
    const a = Number((await create({ Title: 'a' })).body.id);
    const b = Number((await create({ Title: 'b' })).body.id);
    expect(b).toBe(a + 1);
    expect((await t.graph('DELETE', `${items}/${b}`)).status).toBe(204);
    const c = Number((await create({ Title: 'c' })).body.id);
    expect(c).toBe(b + 1);
    expect((await t.graph('DELETE', `${items}/${c}`)).status).toBe(204);
    const again = await openTestStore({ dataDir: t.dataDir });
    try {
      const d = Number((await again.graph('POST', `/sites/${again.siteId}/lists/Things/items`, { body: { fields: { Title: 'd' } } })).body.id);
      expect(d).toBe(c + 1);
    } finally {
      await again.app.close();
      again.store.close();
    }
  });
});
