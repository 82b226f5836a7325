// Targets counted in days: business days (same local time on the Nth working day) and calendar days (local wall clock).
import { DAY_MS } from './civil-date';
import type { BusinessCalendar } from './compile';
import { nextWorkingInstantStrict } from './business-time';
import { CalendarFailure, guard } from './types';
import type { CalendarResult } from './types';
import { dayContaining, dayRecord, instantOfTimeOfDay, localTimeOfDay, workingIntervals } from './working-day';
import { fromLocalMs, toLocalMs } from './zone';

const HORIZON_DAYS = 366 * 50;

function checkCount(days: number): void {
  if (!Number.isInteger(days) || days < 0) {
    throw new CalendarFailure({ code: 'invalid_argument', field: 'days', message: 'days must be a whole number, 0 or more.' });
  }
}

/**
 * N business days after `start`: counting starts at the next working instant (a ticket raised at night counts from
 * opening time) and ends at that same local time on the Nth working day after. If that local time is not worked on
 * that day (shorter hours, a lunch break), it moves forward to the next working instant. See docs/decisions/0102.
 */
export function addBusinessDaysStrict(cal: BusinessCalendar, start: number, days: number): number {
  checkCount(days);
  const begin = nextWorkingInstantStrict(cal, start);
  if (days === 0) return begin;
  const first = dayContaining(cal, begin);
  const timeOfDay = localTimeOfDay(cal, first, begin);
  let rec = first;
  for (let counted = 0, n = 0; counted < days; n++) {
    if (n > HORIZON_DAYS) throw new CalendarFailure({ code: 'no_working_time', calendarId: cal.id, message: `Calendar ${cal.id} has no working days within ${HORIZON_DAYS} days.` });
    rec = dayRecord(cal, rec.dayNo + 1);
    if (workingIntervals(cal, rec).length > 0) counted++;
  }
  const wanted = instantOfTimeOfDay(cal, rec, timeOfDay);
  const iv = rec.intervals;
  for (let i = 0; i < iv.length; i += 2) if (iv[i]! <= wanted && wanted < iv[i + 1]!) return wanted;
  // Not worked at that time on that day (shorter hours, a lunch break): the next working instant, which is the same
  // point in business time as the end of the working range before it.
  return nextWorkingInstantStrict(cal, wanted);
}

/** The same local wall-clock time `days` calendar days later (or earlier), across DST changes. Needs no working hours. */
export function addCalendarDaysInZone(timeZone: string, start: number, days: number): number {
  if (!Number.isInteger(days)) throw new CalendarFailure({ code: 'invalid_argument', field: 'days', message: 'days must be a whole number.' });
  return fromLocalMs(timeZone, toLocalMs(timeZone, start) + days * DAY_MS);
}

export const addBusinessDays = (cal: BusinessCalendar, start: number, days: number): CalendarResult<number> =>
  guard(() => addBusinessDaysStrict(cal, start, days));

export const addCalendarDays = (cal: BusinessCalendar, start: number, days: number): CalendarResult<number> =>
  guard(() => addCalendarDaysInZone(cal.timeZone, start, days));
