import { describe, expect, it } from 'vitest';
import { addBusinessDays, addCalendarDays } from './days';
import { HOUR_MS } from './civil-date';
import { twentyFourSevenCalendar } from './standard-calendars';
import { D_DEF, local, mustCompile, newCalendarD, newCalendarE, showLocal, utc, value } from './testing';

const D = newCalendarD();
const E = newCalendarE();

describe('addBusinessDays', () => {
  it('ends at the same local time on the Nth working day', () => {
    expect(showLocal(value(addBusinessDays(D, local('2025-01-13 10:15'), 1)))).toBe('2025-01-14 10:15');
    expect(showLocal(value(addBusinessDays(D, local('2025-01-16 10:15'), 2)))).toBe('2025-01-20 10:15');
    expect(showLocal(value(addBusinessDays(D, local('2025-01-13 10:15'), 20)))).toBe('2025-02-10 10:15');
  });

  it('keeps local time across a DST change (the business day is not 24 real hours)', () => {
    const due = value(addBusinessDays(D, local('2025-03-28 10:00'), 1));
    expect(utc(due)).toBe('2025-03-31T09:00:00.000Z');
  });

  it('counts from the next opening when raised outside hours, on a weekend or on a holiday', () => {
    expect(showLocal(value(addBusinessDays(D, local('2025-01-13 20:00'), 1)))).toBe('2025-01-15 09:00');
    expect(showLocal(value(addBusinessDays(D, local('2025-01-18 11:00'), 1)))).toBe('2025-01-21 09:00');
    expect(showLocal(value(addBusinessDays(D, local('2025-12-25 11:00'), 2)))).toBe('2025-12-31 09:00');
  });

  it('skips Christmas and the substitute day 2026-12-28', () => {
    expect(showLocal(value(addBusinessDays(D, local('2026-12-24 14:00'), 1)))).toBe('2026-12-29 14:00');
  });

  it('moves a time the Nth day does not work forward to the next working instant', () => {
    const shortFriday = mustCompile({
      ...D_DEF,
      weeklyHours: {
        1: [{ start: '09:00', end: '17:00' }],
        2: [{ start: '09:00', end: '17:00' }],
        3: [{ start: '09:00', end: '17:00' }],
        4: [{ start: '09:00', end: '17:00' }],
        5: [{ start: '10:00', end: '13:00' }],
      },
    });
    expect(showLocal(value(addBusinessDays(shortFriday, local('2025-01-16 15:00'), 1)))).toBe('2025-01-20 09:00');
    expect(showLocal(value(addBusinessDays(shortFriday, local('2025-01-16 09:30'), 1)))).toBe('2025-01-17 10:00');
    expect(showLocal(value(addBusinessDays(shortFriday, local('2025-01-16 11:00'), 1)))).toBe('2025-01-17 11:00');
  });

  it('moves a time inside a lunch break to the end of lunch', () => {
    const lunchOnTuesday = mustCompile({
      ...D_DEF,
      weeklyHours: {
        1: [{ start: '09:00', end: '17:00' }],
        2: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }],
      },
    });
    expect(showLocal(value(addBusinessDays(lunchOnTuesday, local('2025-01-13 12:30'), 1)))).toBe('2025-01-14 13:00');
  });

  it('0 business days is the next working instant; negative or fractional days are refused', () => {
    expect(showLocal(value(addBusinessDays(E, local('2025-01-18 11:00'), 0)))).toBe('2025-01-20 08:00');
    const r = addBusinessDays(E, local('2025-01-13 10:00'), 1.5);
    expect(r.ok ? 'ok' : r.errors[0]?.code).toBe('invalid_argument');
    const n = addBusinessDays(E, local('2025-01-13 10:00'), -1);
    expect(n.ok ? 'ok' : n.errors[0]?.code).toBe('invalid_argument');
  });
});

describe('addBusinessDays on the days the clocks change', () => {
  const allWeek = mustCompile(twentyFourSevenCalendar('24x7', 'Europe/London'));

  it('a wall time skipped by the spring change moves forward by the gap', () => {
    expect(utc(value(addBusinessDays(allWeek, local('2025-03-29 01:30'), 1)))).toBe('2025-03-30T01:30:00.000Z');
    expect(showLocal(value(addBusinessDays(allWeek, local('2025-03-29 01:30'), 1)))).toBe('2025-03-30 02:30');
  });

  it('a wall time repeated by the autumn change takes the first of the two', () => {
    expect(utc(value(addBusinessDays(allWeek, local('2025-10-25 01:30'), 1)))).toBe('2025-10-26T00:30:00.000Z');
    expect(utc(value(addBusinessDays(allWeek, Date.parse('2025-10-26T01:30:00Z'), 1)))).toBe('2025-10-27T01:30:00.000Z');
  });
});

describe('addCalendarDays', () => {
  it('keeps the local wall-clock time and ignores working hours and holidays', () => {
    expect(showLocal(value(addCalendarDays(D, local('2025-12-24 16:00'), 2)))).toBe('2025-12-26 16:00');
    expect(value(addCalendarDays(D, local('2025-06-01 12:00'), 1)) - local('2025-06-01 12:00')).toBe(24 * HOUR_MS);
  });

  it('can count backwards', () => {
    expect(showLocal(value(addCalendarDays(D, local('2024-10-30 18:00'), -7)))).toBe('2024-10-23 18:00');
  });

  it('a wall time that does not exist on the target day moves forward by the gap', () => {
    expect(showLocal(value(addCalendarDays(D, local('2024-03-30 01:30'), 1)))).toBe('2024-03-31 02:30');
  });
});
