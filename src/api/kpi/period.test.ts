import { describe, expect, it } from 'vitest';
import { datesOf, dayRangesFor, parseRange, previousRange, type DayRange } from './period';

const range = (from: string, to: string): DayRange => parseRange(from, to) as DayRange;

describe('KPI periods', () => {
  it('takes both dates as included and refuses bad ones', () => {
    expect(datesOf(range('2025-01-01', '2025-01-31'))).toEqual({ from: '2025-01-01', to: '2025-01-31' });
    expect(parseRange('2025-02-01', '2025-01-31')).toBe('to must not be before from.');
    expect(parseRange('2025-13-01', '2025-12-31')).toBe('from is 2025-13-01, which is not a day in the calendar.');
    expect(parseRange('2016-02-01', '2016-02-30')).toBe('to is 2016-02-30, which is not a day in the calendar.');
    expect(parseRange('yesterday', '2016-02-29')).toBe('from must be a date, YYYY-MM-DD.');
    expect(parseRange('2016-02-01', undefined)).toBe('to must be a date, YYYY-MM-DD.');
  });
  it('compares whole months with as many months before, other periods with as many days', () => {
    expect(datesOf(previousRange(range('2025-03-01', '2025-03-31')))).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(datesOf(previousRange(range('2025-01-01', '2025-03-31')))).toEqual({ from: '2024-10-01', to: '2024-12-31' });
    expect(datesOf(previousRange(range('2025-01-08', '2025-01-14')))).toEqual({ from: '2025-01-01', to: '2025-01-07' });
  });
  it('reads day cells only for the part-months at the ends', () => {
    expect(dayRangesFor([range('2025-01-01', '2025-02-28')])).toEqual([]);
    expect(dayRangesFor([range('2025-01-10', '2025-02-14')])).toEqual([['2025-01-01', '2025-02-01'], ['2025-02-01', '2025-02-15']]);
  });
});
