// Date-only columns as a Europe/London site stores them (issue 6): local midnight, returned as a UTC instant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../test-support';
import { dateOnlyInstant, localDate, normalizeDateOnly } from './date-only';

let t: TestStore;
let items: string;
beforeAll(async () => {
  t = await openTestStore();
  await t.graph('POST', `/sites/${t.siteId}/lists`, { body: { displayName: 'Closures', columns: [{ name: 'Day', dateTime: { format: 'dateOnly' }, indexed: true }] } });
  items = `/sites/${t.siteId}/lists/Closures/items`;
});
afterAll(() => t.close());

const write = async (Day: unknown) => t.graph('POST', items, { body: { fields: { Title: String(Day), Day } } });

describe('date-only columns on a Europe/London site', () => {
  it('returns 2025-07-01 as 2025-06-30T23:00:00Z (BST) and 2025-01-15 as 2025-01-15T00:00:00Z (GMT)', async () => {
    expect((await write('2025-07-01')).body.fields.Day).toBe('2025-06-30T23:00:00Z');
    expect((await write('2025-01-15')).body.fields.Day).toBe('2025-01-15T00:00:00Z');
  });

  it('keeps the local date of an instant, and reads midnight written with a zero offset as that date', async () => {
    expect((await write('2025-07-01T00:00:00Z')).body.fields.Day).toBe('2025-06-30T23:00:00Z');
    expect((await write('2025-06-30T23:00:00Z')).body.fields.Day).toBe('2025-06-30T23:00:00Z');
    expect((await write('2025-07-01T15:45:00+01:00')).body.fields.Day).toBe('2025-06-30T23:00:00Z');
    expect((await write('2025-03-30')).body.fields.Day).toBe('2025-03-30T00:00:00Z');
    expect((await write('2025-03-31')).body.fields.Day).toBe('2025-03-30T23:00:00Z');
    expect((await write('2025-10-26')).body.fields.Day).toBe('2025-10-25T23:00:00Z');
    expect((await write('2025-10-27')).body.fields.Day).toBe('2025-10-27T00:00:00Z');
  });

  it('refuses what is not a date, including impossible days', async () => {
    for (const bad of ['2025-02-29', '2025-13-01', 'tomorrow', '2025-07-01T10:00', 20250701]) {
      const answer = await write(bad);
      expect(answer.status, String(bad)).toBe(400);
      expect(answer.body.error.message).toMatch(/field 'Day': expected a date/);
    }
  });

  it('filters a bare date as the same local midnight', async () => {
    const found = await t.graph('GET', `${items}?$expand=fields&$filter=${encodeURIComponent("fields/Day eq '2025-07-01'")}`);
    expect(found.status, found.text).toBe(200);
    expect(found.body.value.length).toBeGreaterThanOrEqual(3);
    expect(new Set(found.body.value.map((i: any) => i.fields.Day))).toEqual(new Set(['2025-06-30T23:00:00Z']));
    const range = await t.graph('GET', `${items}?$expand=fields&$filter=${encodeURIComponent("fields/Day ge '2025-10-26' and fields/Day lt '2025-10-28'")}`);
    expect(range.body.value.map((i: any) => i.fields.Title).sort()).toEqual(['2025-10-26', '2025-10-27']);
  });

  it('follows the configured site time zone', async () => {
    const other = await openTestStore({ site: { timeZone: 'America/New_York' } });
    try {
      await other.graph('POST', `/sites/${other.siteId}/lists`, { body: { displayName: 'D', columns: [{ name: 'Day', dateTime: { format: 'dateOnly' } }] } });
      const answer = await other.graph('POST', `/sites/${other.siteId}/lists/D/items`, { body: { fields: { Title: 'x', Day: '2025-07-01' } } });
      expect(answer.body.fields.Day).toBe('2025-07-01T04:00:00Z');
    } finally {
      await other.close();
    }
    await expect(openTestStore({ site: { timeZone: 'Europe/Atlantis' } })).rejects.toThrow(/time zone/i);
  });
});

describe('date-only arithmetic', () => {
  it('finds local midnight, also where a zone skips midnight', () => {
    expect(dateOnlyInstant('2024-03-31', 'Europe/London')).toBe('2024-03-31T00:00:00Z');
    expect(dateOnlyInstant('2024-04-01', 'Europe/London')).toBe('2024-03-31T23:00:00Z');
    // Santiago springs forward at 00:00 on 2024-09-08: the day starts at 01:00 local (04:00 UTC).
    expect(dateOnlyInstant('2024-09-08', 'America/Santiago')).toBe('2024-09-08T04:00:00Z');
    expect(dateOnlyInstant('2024-12-31', 'Pacific/Apia')).toBe('2024-12-30T11:00:00Z');
    expect(localDate(Date.parse('2025-06-30T23:00:00Z'), 'Europe/London')).toBe('2025-07-01');
    expect(normalizeDateOnly('2025-07-01T00:00:00.000+00:00', 'Europe/London')).toBe('2025-06-30T23:00:00Z');
    expect(normalizeDateOnly('2025-07-01 00:00', 'Europe/London')).toBeUndefined();
  });
});
