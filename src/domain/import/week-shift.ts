// The demo data is a slice of an old log moved forward by whole weeks of local wall-clock time, so weekdays, working
// hours and DST stay true, and so the slice ends within the last week before the server started.
import { localDateTimeOf } from '../calendar';
import { parseLocalDateTime } from './local-time';
import type { DateOrder } from './mapping';

const WEEK_DAYS = 7;

/**
 * Whole weeks that move the local time `cutoffLocal` (in the export's format) to the last 7 days before `now`
 * (its local date in `zone`): the shifted cut-off falls on the same weekday as in the log, on a date from 7 days
 * before today's up to yesterday's or today's.
 */
export function weeksToEndBefore(cutoffLocal: string, order: DateOrder, zone: string, now: number): number {
  const cut = parseLocalDateTime(cutoffLocal, order);
  if (!cut) throw new RangeError(`"${cutoffLocal}" is not a date and time`);
  const today = localDateTimeOf(zone, now);
  const dayOf = (y: number, m: number, d: number): number => Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
  const gap = dayOf(today.year, today.month, today.day) - dayOf(cut.year, cut.month, cut.day);
  // The shifted cut-off must not be later than now: on today's date only if its time has passed.
  const timePassed = today.hour * 60 + today.minute >= cut.hour * 60 + cut.minute;
  return Math.floor((gap - (timePassed ? 0 : 1)) / WEEK_DAYS);
}
