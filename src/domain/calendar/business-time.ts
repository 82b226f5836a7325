// Business-time arithmetic on instants. The *Strict functions throw CalendarFailure (for the SLA engine's inner loops);
// the exported plain names return CalendarResult.
import type { BusinessCalendar } from './compile';
import { CalendarFailure, guard } from './types';
import type { CalendarResult } from './types';
import { dayContaining, dayRecord, restOfBlock, workOfDays, workingIntervals, type DayRecord } from './working-day';

/** Searching further than this many days for working time means the calendar has none (every day closed). */
const HORIZON_DAYS = 366 * 50;

function noWorkingTime(cal: BusinessCalendar): CalendarFailure {
  return new CalendarFailure({ code: 'no_working_time', calendarId: cal.id, message: `Calendar ${cal.id} has no working time within ${HORIZON_DAYS} days.` });
}

function checkInstant(name: string, t: number): void {
  if (!Number.isFinite(t)) throw new CalendarFailure({ code: 'invalid_argument', field: name, message: `${name} must be a finite number of milliseconds.` });
}

/** Working time of one day's intervals clipped to [from, to). */
function workWithin(cal: BusinessCalendar, rec: DayRecord, from: number, to: number): number {
  const iv = workingIntervals(cal, rec);
  let total = 0;
  for (let i = 0; i < iv.length; i += 2) {
    const s = iv[i]! > from ? iv[i]! : from;
    const e = iv[i + 1]! < to ? iv[i + 1]! : to;
    if (e > s) total += e - s;
  }
  return total;
}

/** The earliest instant at which `durationMs` of working time has passed since `start`. Adding 0 returns `start`. */
export function addBusinessTimeStrict(cal: BusinessCalendar, start: number, durationMs: number): number {
  checkInstant('start', start);
  checkInstant('durationMs', durationMs);
  if (durationMs < 0) throw new CalendarFailure({ code: 'invalid_argument', field: 'durationMs', message: 'durationMs must not be negative.' });
  if (durationMs === 0) return start;
  let remaining = durationMs;
  let from = start;
  let rec = dayContaining(cal, start);
  for (let n = 0; n < HORIZON_DAYS; n++) {
    if (from <= rec.startUtc) {
      // Whole days ahead: skip the rest of a 256-day block at once when the target lies beyond it.
      const rest = restOfBlock(cal, rec.dayNo);
      if (rest !== null && rest.workMs < remaining) {
        remaining -= rest.workMs;
        n += rest.nextDay - rec.dayNo - 1;
        rec = dayRecord(cal, rest.nextDay);
        from = rec.startUtc;
        continue;
      }
    }
    const iv = workingIntervals(cal, rec);
    if (from <= rec.startUtc && rec.workMs < remaining) {
      remaining -= rec.workMs; // the whole day fits: skip it without looking at its intervals
    } else {
      for (let i = 0; i < iv.length; i += 2) {
        const s = iv[i]! > from ? iv[i]! : from;
        const e = iv[i + 1]!;
        if (e <= s) continue;
        if (e - s >= remaining) return s + remaining;
        remaining -= e - s;
      }
    }
    rec = dayRecord(cal, rec.dayNo + 1);
    from = rec.startUtc;
  }
  throw noWorkingTime(cal);
}

/** Working time in [from, to); negative when `to` is before `from`. Whole days in between cost one subtraction. */
export function businessTimeBetweenStrict(cal: BusinessCalendar, from: number, to: number): number {
  checkInstant('from', from);
  checkInstant('to', to);
  if (to < from) return -businessTimeBetweenStrict(cal, to, from);
  if (to === from) return 0;
  const first = dayContaining(cal, from);
  if (to <= first.endUtc) return workWithin(cal, first, from, to);
  const last = dayContaining(cal, to);
  const tail = to > last.startUtc ? workWithin(cal, last, last.startUtc, to) : 0;
  return workWithin(cal, first, from, first.endUtc) + workOfDays(cal, first.dayNo + 1, last.dayNo) + tail;
}

/** The first instant at or after t that lies inside working hours (intervals are half-open: 18:00 is not inside 08:00-18:00). */
export function nextWorkingInstantStrict(cal: BusinessCalendar, t: number): number {
  checkInstant('t', t);
  let rec = dayContaining(cal, t);
  for (let n = 0; n < HORIZON_DAYS; n++) {
    const iv = workingIntervals(cal, rec);
    for (let i = 0; i < iv.length; i += 2) {
      if (iv[i + 1]! > t) return iv[i]! > t ? iv[i]! : t;
    }
    rec = dayRecord(cal, rec.dayNo + 1);
  }
  throw noWorkingTime(cal);
}

export function isWorkingInstantStrict(cal: BusinessCalendar, t: number): boolean {
  checkInstant('t', t);
  const iv = workingIntervals(cal, dayContaining(cal, t));
  for (let i = 0; i < iv.length; i += 2) if (iv[i]! <= t && t < iv[i + 1]!) return true;
  return false;
}

export const addBusinessTime = (cal: BusinessCalendar, start: number, durationMs: number): CalendarResult<number> =>
  guard(() => addBusinessTimeStrict(cal, start, durationMs));

export const businessTimeBetween = (cal: BusinessCalendar, from: number, to: number): CalendarResult<number> =>
  guard(() => businessTimeBetweenStrict(cal, from, to));

export const nextWorkingInstant = (cal: BusinessCalendar, t: number): CalendarResult<number> =>
  guard(() => nextWorkingInstantStrict(cal, t));

export const isWorkingInstant = (cal: BusinessCalendar, t: number): CalendarResult<boolean> =>
  guard(() => isWorkingInstantStrict(cal, t));
