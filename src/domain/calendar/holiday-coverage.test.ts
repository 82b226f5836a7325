// Outside the years its holiday data covers, a calendar refuses with code no_holiday_data instead of guessing.
import { describe, expect, it } from 'vitest';
import { addBusinessTime, businessTimeBetween, nextWorkingInstant } from './business-time';
import { HOUR_MS } from './civil-date';
import { describeDay, isWorkingDate } from './day-info';
import { addBusinessDays } from './days';
import { local, newCalendarD, newCalendarE, value } from './testing';
import type { CalendarResult } from './types';

const D = newCalendarD();

function errorOf<T>(r: CalendarResult<T>): { code: string; year?: number } {
  if (r.ok) throw new Error('expected an error');
  return { code: r.errors[0]!.code, year: r.errors[0]!.year };
}

describe('holiday coverage', () => {
  it('refuses to add business time into 2031', () => {
    expect(errorOf(addBusinessTime(D, local('2030-12-31 16:00'), 2 * HOUR_MS))).toEqual({ code: 'no_holiday_data', year: 2031 });
    expect(errorOf(addBusinessTime(D, local('2031-06-02 10:00'), HOUR_MS))).toEqual({ code: 'no_holiday_data', year: 2031 });
  });

  it('refuses before 2016, and says which year', () => {
    expect(errorOf(businessTimeBetween(D, local('2015-12-30 10:00'), local('2016-01-05 10:00')))).toEqual({ code: 'no_holiday_data', year: 2015 });
    expect(errorOf(addBusinessDays(D, local('2015-06-01 10:00'), 1))).toEqual({ code: 'no_holiday_data', year: 2015 });
  });

  it('the error message names the calendar, the year and the covered range', () => {
    const r = nextWorkingInstant(D, local('2031-01-02 10:00'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toBe('Calendar D has no England and Wales bank holidays for 2031 (covers 2016-2030); needed for 2031-01-02.');
  });

  it('still answers where holidays cannot matter: a weekend, or a range that stops before the uncovered year', () => {
    expect(value(businessTimeBetween(D, local('2031-01-04 10:00'), local('2031-01-05 10:00')))).toBe(0);
    expect(value(businessTimeBetween(D, local('2030-12-31 16:00'), local('2031-01-01 00:00')))).toBe(HOUR_MS);
  });

  it('a calendar without holidays (E) has no coverage limit', () => {
    expect(value(addBusinessTime(newCalendarE(), local('2031-06-02 10:00'), HOUR_MS))).toBe(local('2031-06-02 11:00'));
  });

  it('describes days, including holiday titles', () => {
    expect(value(describeDay(D, '2026-12-28'))).toMatchObject({ kind: 'holiday', title: 'Boxing Day (substitute day)', workMs: 0 });
    expect(value(describeDay(D, '2026-12-29'))).toMatchObject({ kind: 'working', title: null, workMs: 8 * HOUR_MS });
    expect(value(describeDay(D, '2026-12-26'))).toMatchObject({ kind: 'non-working' });
    expect(value(isWorkingDate(D, '2023-05-08'))).toBe(false);
    expect(errorOf(isWorkingDate(D, '2031-01-02'))).toEqual({ code: 'no_holiday_data', year: 2031 });
    expect(errorOf(describeDay(D, '2025-02-30')).code).toBe('invalid_argument');
  });
});
