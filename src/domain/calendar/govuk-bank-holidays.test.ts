import { describe, expect, it } from 'vitest';
import { parseGovUkBankHolidays } from './govuk-bank-holidays';

const feed = {
  'england-and-wales': {
    division: 'england-and-wales',
    events: [
      { title: 'New Year’s Day', date: '2026-01-01', notes: '', bunting: true },
      { title: 'Christmas Day', date: '2026-12-25', notes: '', bunting: true },
      { title: 'Boxing Day', date: '2026-12-28', notes: 'Substitute day', bunting: true },
      { title: 'New Year’s Day', date: '2027-01-01', notes: '', bunting: true },
    ],
  },
  scotland: { division: 'scotland', events: [{ title: '2nd January', date: '2026-01-02', notes: '', bunting: true }] },
};

const codes = (input: unknown, division?: 'scotland'): string[] => {
  const r = parseGovUkBankHolidays(input, division);
  return r.ok ? [] : r.errors.map((e) => `${e.code}${e.path ? `@${e.path}` : ''}`);
};

describe('parseGovUkBankHolidays', () => {
  it('reads the England and Wales division, marking substitute days in the title', () => {
    const r = parseGovUkBankHolidays(JSON.stringify(feed));
    expect(r).toEqual({
      ok: true,
      value: {
        name: 'England and Wales bank holidays',
        fromYear: 2026,
        toYear: 2027,
        days: [
          { date: '2026-01-01', title: 'New Year’s Day' },
          { date: '2026-12-25', title: 'Christmas Day' },
          { date: '2026-12-28', title: 'Boxing Day (substitute day)' },
          { date: '2027-01-01', title: 'New Year’s Day' },
        ],
      },
    });
  });

  it('reads another division when asked', () => {
    const r = parseGovUkBankHolidays(feed, 'scotland');
    expect(r.ok && r.value.days.map((d) => d.date)).toEqual(['2026-01-02']);
  });

  it('reports each kind of bad input with a stable code', () => {
    expect(codes('{not json')).toEqual(['invalid_json']);
    expect(codes([1, 2])).toEqual(['not_an_object']);
    expect(codes(null)).toEqual(['not_an_object']);
    expect(codes({ scotland: feed.scotland })).toEqual(['division_missing@england-and-wales']);
    expect(codes({ 'england-and-wales': { division: 'england-and-wales' } })).toEqual(['events_missing@england-and-wales.events']);
    expect(codes({ 'england-and-wales': { events: [] } })).toEqual(['no_events@england-and-wales.events']);
  });

  it('reports bad events by index and does not return partial data', () => {
    const bad = {
      'england-and-wales': {
        events: [
          { title: 'Good', date: '2026-01-01' },
          { title: '', date: '2026-04-03' },
          { title: 'No date' },
          { title: 'Bad date', date: '2026-02-30' },
          { title: 'Slashes', date: '01/05/2026' },
          { title: 'Again', date: '2026-01-01' },
        ],
      },
    };
    expect(codes(bad)).toEqual([
      'event_invalid@england-and-wales.events[1]',
      'event_invalid@england-and-wales.events[2]',
      'date_invalid@england-and-wales.events[3].date',
      'date_invalid@england-and-wales.events[4].date',
      'duplicate_date@england-and-wales.events[5].date',
    ]);
  });

  it('refuses a feed with a year missing inside its range', () => {
    const gap = { 'england-and-wales': { events: [{ title: 'A', date: '2025-01-01' }, { title: 'B', date: '2027-01-01' }] } };
    expect(codes(gap)).toEqual(['year_missing@england-and-wales.events']);
  });
});
