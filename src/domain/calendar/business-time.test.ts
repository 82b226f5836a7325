import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  businessTimeBetween,
  isWorkingInstant,
  nextWorkingInstant,
} from './business-time';
import { HOUR_MS, MINUTE_MS } from './civil-date';
import { mondayToFridayCalendar } from './standard-calendars';
import { D_DEF, local, mustCompile, newCalendarD, newCalendarE, showLocal, value } from './testing';
import type { CalendarDefinition } from './types';

const E = newCalendarE();
const D = newCalendarD();
const LUNCH = mustCompile(
  mondayToFridayCalendar({
    id: 'L',
    timeZone: 'Europe/London',
    ranges: [
      { start: '09:00', end: '12:30' },
      { start: '13:30', end: '17:30' },
    ],
  }),
);

describe('addBusinessTime', () => {
  it('skips a lunch break', () => {
    expect(showLocal(value(addBusinessTime(LUNCH, local('2025-01-13 11:00'), 3 * HOUR_MS)))).toBe('2025-01-13 15:00');
  });

  it('a ticket raised during lunch starts at 13:30', () => {
    expect(showLocal(value(addBusinessTime(LUNCH, local('2025-01-13 12:45'), 30 * MINUTE_MS)))).toBe('2025-01-13 14:00');
  });

  it('adds whole weeks: 50 business hours on E from Monday 08:00 ends Friday 18:00', () => {
    expect(showLocal(value(addBusinessTime(E, local('2025-01-13 08:00'), 50 * HOUR_MS)))).toBe('2025-01-17 18:00');
    expect(showLocal(value(addBusinessTime(E, local('2025-01-13 08:00'), 50 * HOUR_MS + 1)))).toBe('2025-01-20 08:00');
  });

  it('adding zero returns the start, even outside working hours', () => {
    const sat = local('2025-01-18 10:00');
    expect(value(addBusinessTime(E, sat, 0))).toBe(sat);
  });

  it('keeps milliseconds', () => {
    expect(value(addBusinessTime(E, local('2025-01-13 09:00') + 123, 1500)) - local('2025-01-13 09:00')).toBe(1623);
  });

  it('rejects a negative or non-finite duration with invalid_argument', () => {
    const r = addBusinessTime(E, local('2025-01-13 09:00'), -1);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.code).toBe('invalid_argument');
    const n = addBusinessTime(E, Number.NaN, 1);
    expect(n.ok ? 'ok' : n.errors[0]?.code).toBe('invalid_argument');
  });

  it('honours closure days added by admins', () => {
    const withClosure = mustCompile({ ...D_DEF, closureDays: [{ date: '2025-07-01', title: 'Office move' }] });
    expect(showLocal(value(addBusinessTime(withClosure, local('2025-06-30 16:00'), 2 * HOUR_MS)))).toBe('2025-07-02 10:00');
    expect(showLocal(value(addBusinessTime(D, local('2025-06-30 16:00'), 2 * HOUR_MS)))).toBe('2025-07-01 10:00');
  });

  it('reports no_working_time when every working day for decades is closed', () => {
    const mondays = Array.from({ length: 53 * 53 }, (_, i) => {
      const d = new Date(Date.UTC(2025, 0, 6 + 7 * i));
      return { date: d.toISOString().slice(0, 10), title: 'closed' };
    });
    const def: CalendarDefinition = { ...D_DEF, holidays: null, weeklyHours: { 1: [{ start: '09:00', end: '17:00' }] }, closureDays: mondays };
    const r = addBusinessTime(mustCompile(def), local('2025-01-01 09:00'), HOUR_MS);
    expect(r.ok ? 'ok' : r.errors[0]?.code).toBe('no_working_time');
  });
});

describe('businessTimeBetween', () => {
  it('counts a full week of E as 50 hours', () => {
    expect(value(businessTimeBetween(E, local('2025-01-13 00:00'), local('2025-01-20 00:00')))).toBe(50 * HOUR_MS);
  });

  it('counts across a lunch break', () => {
    expect(value(businessTimeBetween(LUNCH, local('2025-01-13 12:00'), local('2025-01-13 14:00')))).toBe(HOUR_MS);
  });

  it('is negative when the end is before the start, and zero for an empty range', () => {
    const a = local('2025-01-13 10:00');
    const b = local('2025-01-14 10:00');
    expect(value(businessTimeBetween(E, b, a))).toBe(-10 * HOUR_MS);
    expect(value(businessTimeBetween(E, a, a))).toBe(0);
  });

  it('is the inverse of addBusinessTime from a working instant', () => {
    const start = local('2025-03-27 15:10');
    const due = value(addBusinessTime(D, start, 17 * HOUR_MS + 20 * MINUTE_MS));
    expect(value(businessTimeBetween(D, start, due))).toBe(17 * HOUR_MS + 20 * MINUTE_MS);
  });

  it('counts a DST Sunday of a 24x7-weekend calendar as 23 and 25 hours', () => {
    const weekend = mustCompile({ ...D_DEF, holidays: null, weeklyHours: { 7: [{ start: '00:00', end: '24:00' }] } });
    expect(value(businessTimeBetween(weekend, local('2025-03-30 00:00'), local('2025-03-31 00:00')))).toBe(23 * HOUR_MS);
    expect(value(businessTimeBetween(weekend, local('2025-10-26 00:00'), local('2025-10-27 00:00')))).toBe(25 * HOUR_MS);
  });
});

describe('working instants', () => {
  it('treats closing time as outside working hours (intervals are half-open)', () => {
    expect(value(isWorkingInstant(E, local('2025-01-13 17:59')))).toBe(true);
    expect(value(isWorkingInstant(E, local('2025-01-13 18:00')))).toBe(false);
    expect(showLocal(value(nextWorkingInstant(E, local('2025-01-13 18:00'))))).toBe('2025-01-14 08:00');
  });

  it('moves a weekend or holiday instant to the next opening', () => {
    expect(showLocal(value(nextWorkingInstant(E, local('2025-01-18 10:00'))))).toBe('2025-01-20 08:00');
    expect(showLocal(value(nextWorkingInstant(D, local('2025-12-24 17:30'))))).toBe('2025-12-29 09:00');
    expect(showLocal(value(nextWorkingInstant(LUNCH, local('2025-01-13 12:30'))))).toBe('2025-01-13 13:30');
  });
});
