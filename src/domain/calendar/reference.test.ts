// Property check: the fast engine agrees with a naive minute-by-minute walk on seeded random inputs.
import { describe, expect, it } from 'vitest';
import { addBusinessTime, businessTimeBetween } from './business-time';
import { mondayToFridayCalendar } from './standard-calendars';
import { referenceAdd, referenceBetween, referenceCalendar } from './reference-walk';
import { D_DEF, mustCompile, seededRandom, value } from './testing';
import type { CalendarDefinition } from './types';

const MINUTE = 60_000;
const LUNCH_SANTIAGO = mondayToFridayCalendar({
  id: 'LS',
  timeZone: 'America/Santiago',
  ranges: [{ start: '00:30', end: '02:00' }, { start: '08:30', end: '12:00' }, { start: '13:00', end: '17:45' }],
  closureDays: [{ date: '2024-04-08', title: 'closure' }],
});

function check(def: CalendarDefinition, seed: number, pairs: number): void {
  const fast = mustCompile(def);
  const slow = referenceCalendar(def);
  const random = seededRandom(seed);
  const from = Date.UTC(2020, 0, 1);
  const span = Date.UTC(2029, 11, 1) - from;
  for (let i = 0; i < pairs; i++) {
    const start = from + Math.floor((random() * span) / MINUTE) * MINUTE;
    const duration = Math.floor(1 + random() * 12 * 60) * MINUTE;
    const due = value(addBusinessTime(fast, start, duration));
    expect(due, `pair ${i} from ${new Date(start).toISOString()}`).toBe(referenceAdd(slow, start, duration));
    expect(value(businessTimeBetween(fast, start, due))).toBe(referenceBetween(slow, start, due));
  }
}

describe('engine against a naive minute walk', () => {
  it('calendar D (bank holidays, London DST)', () => check(D_DEF, 42, 40));
  it('several ranges a day in Santiago, with a closure day', () => check(LUNCH_SANTIAGO, 7, 40));
  it('DST weekends of London are walked correctly', () => {
    const fast = mustCompile(D_DEF);
    const slow = referenceCalendar(D_DEF);
    for (const start of [Date.UTC(2025, 2, 28, 15, 7), Date.UTC(2025, 9, 24, 16, 59), Date.UTC(2024, 2, 29, 12, 0)]) {
      const due = value(addBusinessTime(fast, start, 9 * 60 * MINUTE));
      expect(due).toBe(referenceAdd(slow, start, 9 * 60 * MINUTE));
    }
  });
});
