// One local day of a calendar as UTC instants, memoised: the engine's arithmetic is then plain number comparisons.
import { DAY_MS, MINUTE_MS, civilFromDayNumber, formatIsoDate, weekdayOfDayNumber } from './civil-date';
import type { BusinessCalendar } from './compile';
import { CalendarFailure } from './types';
import { fromLocalMs, offsetAt, toLocalMs } from './zone';

export type DayKind = 'working' | 'non-working' | 'holiday' | 'closure' | 'no-holiday-data';

const NO_INTERVALS: readonly number[] = [];

/** One local day. A class, so every record has one shape and the hot loops stay monomorphic. */
export class DayRecord {
  constructor(
    readonly dayNo: number,
    /** Local midnight at the start of this day and of the next, as instants (23 or 25 hours apart on DST days). */
    readonly startUtc: number,
    readonly endUtc: number,
    readonly kind: DayKind,
    /** Flat [start, end, ...] working intervals as instants; empty unless kind is 'working'. */
    readonly intervals: readonly number[],
    readonly workMs: number,
    /** The zone offset for the whole day when it has no clock change, else NaN (known for working days only). */
    readonly steadyOffsetMs: number = Number.NaN,
  ) {}
}

/** Days are built and kept in blocks of 256 consecutive local days: lookups are array reads. */
const BLOCK_BITS = 8;
const BLOCK_SIZE = 1 << BLOCK_BITS;
const BLOCK_LIMIT = 2_000; // about 1,400 years of days per calendar before the cache starts again

interface DayBlock {
  readonly index: number;
  readonly days: readonly DayRecord[];
  /** cumWork[i]: working time of days[0..i-1]; whole-day sums become one subtraction. */
  readonly cumWork: Float64Array;
  /** cumMissing[i]: how many of days[0..i-1] lack holiday data. */
  readonly cumMissing: Uint16Array;
}

export interface DayCache {
  readonly blocks: Map<number, DayBlock>;
  last: DayBlock | null;
}

export const newDayCache = (): DayCache => ({ blocks: new Map(), last: null });

function buildDay(cal: BusinessCalendar, dayNo: number, startUtc: number, endUtc: number): DayRecord {
  const zone = cal.timeZone;
  const minutes = cal.week[weekdayOfDayNumber(dayNo)] ?? [];
  const off = (kind: DayKind): DayRecord => new DayRecord(dayNo, startUtc, endUtc, kind, NO_INTERVALS, 0);
  if (minutes.length === 0) return off('non-working');
  if (cal.closureDays.has(dayNo)) return off('closure');
  if (cal.holidayDays) {
    const { year } = civilFromDayNumber(dayNo);
    // Only a day that would otherwise be worked needs holiday data; weekends beyond the range are still answerable.
    if (year < cal.holidayFromYear || year > cal.holidayToYear) return off('no-holiday-data');
    if (cal.holidayDays.has(dayNo)) return off('holiday');
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
  return new DayRecord(dayNo, startUtc, endUtc, intervals.length > 0 ? 'working' : 'non-working', intervals, workMs, steady ? offStart : Number.NaN);
}

function buildBlock(cal: BusinessCalendar, index: number): DayBlock {
  const first = index * BLOCK_SIZE;
  const midnights: number[] = [];
  for (let i = 0; i <= BLOCK_SIZE; i++) midnights.push(fromLocalMs(cal.timeZone, (first + i) * DAY_MS));
  const days: DayRecord[] = [];
  const cumWork = new Float64Array(BLOCK_SIZE + 1);
  const cumMissing = new Uint16Array(BLOCK_SIZE + 1);
  for (let i = 0; i < BLOCK_SIZE; i++) {
    const day = buildDay(cal, first + i, midnights[i]!, midnights[i + 1]!);
    days.push(day);
    cumWork[i + 1] = cumWork[i]! + day.workMs;
    cumMissing[i + 1] = cumMissing[i]! + (day.kind === 'no-holiday-data' ? 1 : 0);
  }
  return { index, days, cumWork, cumMissing };
}

function blockOf(cal: BusinessCalendar, index: number): DayBlock {
  const cache = cal.dayCache;
  let block = cache.last;
  if (block === null || block.index !== index) {
    block = cache.blocks.get(index) ?? null;
    if (block === null) {
      if (cache.blocks.size >= BLOCK_LIMIT) cache.blocks.clear();
      block = buildBlock(cal, index);
      cache.blocks.set(index, block);
    }
    cache.last = block;
  }
  return block;
}

export function dayRecord(cal: BusinessCalendar, dayNo: number): DayRecord {
  const index = dayNo >> BLOCK_BITS;
  return blockOf(cal, index).days[dayNo - index * BLOCK_SIZE]!;
}

/** Working time of the whole local days [fromDay, toDay); fails like workingIntervals if one lacks holiday data. */
export function workOfDays(cal: BusinessCalendar, fromDay: number, toDay: number): number {
  let total = 0;
  for (let d = fromDay; d < toDay; ) {
    const index = d >> BLOCK_BITS;
    const block = blockOf(cal, index);
    const i = d - index * BLOCK_SIZE;
    const j = Math.min(BLOCK_SIZE, toDay - index * BLOCK_SIZE);
    if (block.cumMissing[j] !== block.cumMissing[i]) {
      for (let k = i; k < j; k++) workingIntervals(cal, block.days[k]!);
    }
    total += block.cumWork[j]! - block.cumWork[i]!;
    d = index * BLOCK_SIZE + j;
  }
  return total;
}

/** From a day to the end of its block: the day after, and the working time, or null if a day lacks holiday data. */
export function restOfBlock(cal: BusinessCalendar, dayNo: number): { readonly nextDay: number; readonly workMs: number } | null {
  const index = dayNo >> BLOCK_BITS;
  const block = blockOf(cal, index);
  const i = dayNo - index * BLOCK_SIZE;
  if (block.cumMissing[BLOCK_SIZE] !== block.cumMissing[i]) return null;
  return { nextDay: (index + 1) * BLOCK_SIZE, workMs: block.cumWork[BLOCK_SIZE]! - block.cumWork[i]! };
}

/** The local day that contains instant t. */
export function dayContaining(cal: BusinessCalendar, t: number): DayRecord {
  let rec = dayRecord(cal, Math.floor((t + cal.offsetGuessMs) / DAY_MS));
  while (t < rec.startUtc) rec = dayRecord(cal, rec.dayNo - 1);
  while (t >= rec.endUtc) rec = dayRecord(cal, rec.dayNo + 1);
  return rec;
}

/** Milliseconds since local midnight of an instant inside this day (wall clock), without Intl on ordinary days. */
export function localTimeOfDay(cal: BusinessCalendar, rec: DayRecord, t: number): number {
  const local = Number.isNaN(rec.steadyOffsetMs) ? toLocalMs(cal.timeZone, t) : t + rec.steadyOffsetMs;
  return local - rec.dayNo * DAY_MS;
}

/** The instant of a wall-clock time (ms since local midnight) on this day; see fromLocalMs for gaps and overlaps. */
export function instantOfTimeOfDay(cal: BusinessCalendar, rec: DayRecord, timeOfDay: number): number {
  const local = rec.dayNo * DAY_MS + timeOfDay;
  return Number.isNaN(rec.steadyOffsetMs) ? fromLocalMs(cal.timeZone, local) : local - rec.steadyOffsetMs;
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
