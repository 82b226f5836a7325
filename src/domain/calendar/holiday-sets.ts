// Built-in holiday sets, and how a refreshed set (for example from gov.uk) replaces the years it covers.
import {
  ENGLAND_AND_WALES_BANK_HOLIDAY_DAYS,
  ENGLAND_AND_WALES_FIRST_YEAR,
  ENGLAND_AND_WALES_LAST_YEAR,
} from './england-wales-bank-holidays';
import type { HolidaySet } from './types';

export const ENGLAND_AND_WALES_BANK_HOLIDAYS: HolidaySet = {
  name: 'England and Wales bank holidays',
  fromYear: ENGLAND_AND_WALES_FIRST_YEAR,
  toYear: ENGLAND_AND_WALES_LAST_YEAR,
  days: ENGLAND_AND_WALES_BANK_HOLIDAY_DAYS,
};

const yearOf = (date: string): number => Number(date.slice(0, 4));

/**
 * Combines a holiday set with a newer one. The newer set wins for every year it covers (a government can add or move
 * a day); years only the older set covers are kept. The two ranges must overlap or touch, so coverage has no hole.
 * Returns null when they do not.
 */
export function mergeHolidaySets(older: HolidaySet, newer: HolidaySet): HolidaySet | null {
  if (newer.fromYear > older.toYear + 1 || older.fromYear > newer.toYear + 1) return null;
  const kept = older.days.filter((d) => yearOf(d.date) < newer.fromYear || yearOf(d.date) > newer.toYear);
  const days = [...kept, ...newer.days].sort((a, b) => a.date.localeCompare(b.date));
  return {
    name: newer.name,
    fromYear: Math.min(older.fromYear, newer.fromYear),
    toYear: Math.max(older.toYear, newer.toYear),
    days,
  };
}
