import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, TEST_COLUMNS, type TestStore } from '../test-support';

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore();
});
afterAll(() => t.close());

const indexedText = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `Key${i + 1}`, text: {}, indexed: true }));

describe('lists', () => {
  it('creates a list with typed columns as Graph does, Title built in', async () => {
    const created = await t.graph('POST', `/sites/${t.siteId}/lists`, {
      body: { displayName: "O'Brien's Tickets", columns: TEST_COLUMNS, list: { template: 'genericList' } },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ displayName: "O'Brien's Tickets", name: 'OBriensTickets', list: { template: 'genericList' } });
    expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.headers.location).toContain(`/lists/${created.body.id}`);

    const columns = await t.graph('GET', `/sites/${t.siteId}/lists/${created.body.id}/columns`);
    const byName = Object.fromEntries((columns.body.value as { name: string }[]).map((c) => [c.name, c]));
    expect(byName.Title).toMatchObject({ required: true, indexed: false, text: { maxLength: 255 } });
    expect(byName.ID).toMatchObject({ readOnly: true, indexed: true });
    expect(byName.Category).toMatchObject({ indexed: true, text: { allowMultipleLines: false, maxLength: 100 } });
    expect(byName.Notes).toMatchObject({ text: { allowMultipleLines: true } });
    expect(byName.DueAt).toMatchObject({ dateTime: { format: 'dateTime' } });
    expect(byName.State).toMatchObject({ choice: { choices: ['New', 'Open', 'Closed'] } });
    expect(byName.Number).toMatchObject({ indexed: true, enforceUniqueValues: true });
  });

  it('finds lists by id, by display name, and with $filter=displayName eq (doubled apostrophes)', async () => {
    const byName = await t.graph('GET', `/sites/${t.siteId}/lists/${encodeURIComponent("o'brien's tickets")}`);
    expect(byName.status).toBe(200);
    const byId = await t.graph('GET', `/sites/${t.siteId}/lists/${byName.body.id}?$expand=columns`);
    expect(byId.body.displayName).toBe("O'Brien's Tickets");
    expect(byId.body.columns.length).toBeGreaterThan(5);
    const filtered = await t.graph('GET', `/sites/${t.siteId}/lists?$filter=${encodeURIComponent("displayName eq 'O''Brien''s Tickets'")}`);
    expect(filtered.body.value.map((l: { id: string }) => l.id)).toEqual([byName.body.id]);
    const none = await t.graph('GET', `/sites/${t.siteId}/lists?$filter=${encodeURIComponent("displayName eq 'Nothing'")}`);
    expect(none.body.value).toEqual([]);
    expect((await t.graph('GET', `/sites/${t.siteId}/lists?$filter=${encodeURIComponent("name eq 'x'")}`)).status).toBe(400);
  });

  it('refuses a duplicate display name with 409 nameAlreadyExists', async () => {
    const again = await t.graph('POST', `/sites/${t.siteId}/lists`, { body: { displayName: "o'brien's tickets", list: { template: 'genericList' } } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('nameAlreadyExists');
  });

  it('allows 20 indexed columns and refuses a 21st, at creation and when adding a column', async () => {
    const twenty = await t.graph('POST', `/sites/${t.siteId}/lists`, { body: { displayName: 'Twenty', columns: indexedText(20) } });
    expect(twenty.status).toBe(201);
    const more = await t.graph('POST', `/sites/${t.siteId}/lists/Twenty/columns`, { body: { name: 'Key21', text: {}, indexed: true } });
    expect(more.status).toBe(400);
    expect(more.body.error).toMatchObject({ code: 'invalidRequest', innerError: { code: 'tooManyIndexedColumns' } });
    expect(more.body.error.message).toMatch(/at most 20 indexed columns/);
    const plain = await t.graph('POST', `/sites/${t.siteId}/lists/Twenty/columns`, { body: { name: 'Plain', number: {} } });
    expect(plain.status).toBe(201);

    const tooMany = await t.graph('POST', `/sites/${t.siteId}/lists`, { body: { displayName: 'TwentyOne', columns: indexedText(21) } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toMatch(/would make 21/);
    expect((await t.graph('GET', `/sites/${t.siteId}/lists/TwentyOne`)).status).toBe(404);
  });

  it('refuses column definitions SharePoint would refuse, naming the column', async () => {
    const cases: [unknown, RegExp][] = [
      [{ name: 'Title', text: {} }, /duplicate field name "Title"/],
      [{ name: 'Dup', text: {} }, /exactly one type facet|duplicate/],
      [{ name: 'Who', personOrGroup: {} }, /'personOrGroup' is not supported/],
      [{ name: 'Bad Name', text: {} }, /Invalid column name/],
      [{ name: 'Long', text: { maxLength: 256 } }, /maxLength must be a whole number from 1 to 255/],
      [{ name: 'Body', text: { allowMultipleLines: true }, indexed: true }, /cannot be indexed/],
      [{ name: 'Code', text: {}, enforceUniqueValues: true }, /requires indexed: true/],
      [{ name: 'Pick', choice: { choices: [] } }, /non-empty array/],
      [{ name: 'Two', text: {}, number: {} }, /exactly one type facet/],
      [{ name: 'When', dateTime: { format: 'timeOnly' } }, /'dateTime' or 'dateOnly'/],
    ];
    for (const [column, message] of cases) {
      const columns = (column as { name: string }).name === 'Dup' ? [{ name: 'Dup', text: {} }, { name: 'dup', number: {} }] : [column];
      const answer = await t.graph('POST', `/sites/${t.siteId}/lists`, { body: { displayName: 'Refused', columns } });
      expect(answer.status, JSON.stringify(column)).toBe(400);
      expect(answer.body.error.message).toMatch(message);
    }
    const template = await t.graph('POST', `/sites/${t.siteId}/lists`, { body: { displayName: 'Docs', list: { template: 'documentLibrary' } } });
    expect(template.body.error.message).toMatch(/genericList/);
  });

  it('keeps lists and columns across restarts of the same data directory', async () => {
    const again = await openTestStore({ dataDir: t.dataDir });
    try {
      const columns = await again.graph('GET', `/sites/${again.siteId}/lists/Twenty/columns`);
      expect(columns.body.value.filter((c: { indexed: boolean; readOnly: boolean }) => c.indexed && !c.readOnly)).toHaveLength(20);
    } finally {
      await again.app.close();
      again.store.close();
    }
  });
});
