import { describe, expect, it } from 'vitest';
import { monthOf, periodProblems } from './kpi-client';

describe("the dashboard's period", () => {
  it('Last month in December 2026 is 1 to 30 November', () => {
    expect(monthOf(new Date(2026, 11, 4), -1)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });

  it('says beside each date what is wrong: an empty From (the input that did nothing), a date not in the calendar, a To before From', () => {
    expect(periodProblems({ from: '', to: '2026-12-31' })).toEqual({ from: 'Enter the first day of the period.' });
    expect(periodProblems({ from: '2026-12-01', to: '' })).toEqual({ to: 'Enter the last day of the period.' });
    expect(periodProblems({ from: '2026-02-30', to: '2026-13-01' })).toEqual({
      from: '2026-02-30 is not a date. Enter a day such as 2026-11-01.',
      to: '2026-13-01 is not a date. Enter a day such as 2026-11-30.',
    });
    expect(periodProblems({ from: '2026-12-02', to: '2026-12-01' })).toEqual({ to: 'The last day (2026-12-01) is before the first (2026-12-02).' });
    expect(periodProblems({ from: '2026-12-01', to: '2026-12-01' })).toEqual({});
  });
});
