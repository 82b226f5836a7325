// Civil (proleptic Gregorian) dates as day numbers since 1970-01-01. Date.UTC and getUTC* never read the process time zone.
import type { IsoWeekday } from './types';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Date.UTC, also for years 0-99 (which Date.UTC would read as 1900-1999): 400 Gregorian years are exactly 146,097 days. */
export function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second);
  return Date.UTC(year + 400, month - 1, day, hour, minute, second) - 146_097 * DAY_MS;
}

export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(utcMs(year, month, day) / DAY_MS);
}

export function civilFromDayNumber(dayNo: number): CivilDate {
  const d = new Date(dayNo * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function weekdayOfDayNumber(dayNo: number): IsoWeekday {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((dayNo + 3) % 7) + 7) % 7 + 1) as IsoWeekday;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses 'YYYY-MM-DD' strictly (rejects 2025-02-30); returns the day number or null. */
export function parseIsoDate(text: string): number | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const n = dayNumber(year, month, day);
  const back = civilFromDayNumber(n);
  return back.month === month && back.day === day ? n : null;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function formatIsoDate(dayNo: number): string {
  const c = civilFromDayNumber(dayNo);
  return `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}`;
}

const HH_MM = /^(\d{2}):(\d{2})$/;

/** Parses 'HH:MM' (00:00 to 24:00) into minutes after local midnight, or null. */
export function parseTimeOfDay(text: string): number | null {
  const m = HH_MM.exec(text);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return null;
  return h * 60 + min;
}
