// One local day of a calendar as UTC instants, memoised: the engine's arithmetic is then plain number comparisons.
import { DAY_MS, MINUTE_MS, civilFromDayNumber, formatIsoDate, weekdayOfDayNumber } from './civil-date';
import type { BusinessCalendar } from './compile';
import { CalendarFailure } from './types';
import { fromLocalMs, offsetAt } from './zone';

export type DayKind = 'working' | 'non-working' | 'holiday' | 'closure' | 'no-holiday-data';

export interface DayRecord {
  readonly dayNo: number;
  /** Local midnight at the start of this day and of the next, as instants (23 or 25 hours apart on DST days). */
  readonly startUtc: number;
  readonly endUtc: number;
  readonly kind: DayKind;
  /** Flat [start, end, ...] working intervals as instants; empty unless kind is 'working'. */
  readonly intervals: readonly number[];
  readonly workMs: number;
}

const CACHE_LIMIT = 200_000;

function buildDay(cal: BusinessCalendar, dayNo: number): DayRecord {
  const zone = cal.timeZone;
  const startUtc = fromLocalMs(zone, dayNo * DAY_MS);
  const endUtc = fromLocalMs(zone, (dayNo + 1) * DAY_MS);
  const minutes = cal.week[weekdayOfDayNumber(dayNo)] ?? [];
  const base = { dayNo, startUtc, endUtc };
  if (minutes.length === 0) return { ...base, kind: 'non-working', intervals: [], workMs: 0 };
  if (cal.closureDays.has(dayNo)) return { ...base, kind: 'closure', intervals: [], workMs: 0 };
  if (cal.holidayDays) {
    const { year } = civilFromDayNumber(dayNo);
    // Only a day that would otherwise be worked needs holiday data; weekends beyond the range are still answerable.
    if (year < cal.holidayFromYear || year > cal.holidayToYear) return { ...base, kind: 'no-holiday-data', intervals: [], workMs: 0 };
    if (cal.holidayDays.has(dayNo)) return { ...base, kind: 'holiday', intervals: [], workMs: 0 };
  }
  // Without a transition inside the day, one offset converts every boundary.
  const offStart = offsetAt(zone, startUtc);
  const steady = offStart === offsetAt(zone, endUtc - 1);
  const toUtc = (minute: number): number => {
    if (minute === 1440) return endUtc;
    const local = dayNo * DAY_MS + minute * MINUTE_MS;
    return steady ? local - offStart : fromLocalMs(zone, local);
  };
  const intervals: number[] = [];
  let workMs = 0;
  for (let i = 0; i < minutes.length; i += 2) {
    const prevEnd = intervals.length > 0 ? intervals[intervals.length - 1]! : startUtc;
    const s = Math.max(toUtc(minutes[i]!), prevEnd);
    const e = toUtc(minutes[i + 1]!);
    if (e <= s) continue; // swallowed by a DST gap
    if (s === prevEnd && intervals.length > 0) intervals[intervals.length - 1] = e;
    else intervals.push(s, e);
    workMs += e - s;
  }
  return { ...base, kind: 'working', intervals, workMs };
}

export function dayRecord(cal: BusinessCalendar, dayNo: number): DayRecord {
  let rec = cal.dayCache.get(dayNo);
  if (!rec) {
    if (cal.dayCache.size >= CACHE_LIMIT) cal.dayCache.clear();
    rec = buildDay(cal, dayNo);
    cal.dayCache.set(dayNo, rec);
  }
  return rec;
}

/** The local day that contains instant t. */
export function dayContaining(cal: BusinessCalendar, t: number): DayRecord {
  let rec = dayRecord(cal, Math.floor((t + cal.offsetGuessMs) / DAY_MS));
  while (t < rec.startUtc) rec = dayRecord(cal, rec.dayNo - 1);
  while (t >= rec.endUtc) rec = dayRecord(cal, rec.dayNo + 1);
  return rec;
}

/** The day's working intervals; a day the holiday data does not cover stops the arithmetic with a clear error. */
export function workingIntervals(cal: BusinessCalendar, rec: DayRecord): readonly number[] {
  if (rec.kind === 'no-holiday-data') throw noHolidayData(cal, rec.dayNo);
  return rec.intervals;
}

export function noHolidayData(cal: BusinessCalendar, dayNo: number): CalendarFailure {
  const { year } = civilFromDayNumber(dayNo);
  const name = cal.definition.holidays?.name ?? 'holidays';
  return new CalendarFailure({
    code: 'no_holiday_data',
    calendarId: cal.id,
    year,
    message: `Calendar ${cal.id} has no ${name} for ${year} (covers ${cal.holidayFromYear}-${cal.holidayToYear}); needed for ${formatIsoDate(dayNo)}.`,
  });
}
