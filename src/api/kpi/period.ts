// Periods as the API and the report name them: local dates from `from` to `to`, both included. Whole months compare
// with as many months before; other periods with as many days before.
import { parseIsoDate } from '../../domain/calendar/civil-date';
import { DEFAULT_REPORTING_ZONE, isoDateOf, reportingDays, type Period } from '../../domain/kpi';

export interface DayRange {
  readonly fromDay: number;
  /** Exclusive. */
  readonly toDay: number;
}

export const MAX_PERIOD_DAYS = 3700;

/** What is wrong with a date parameter: its shape, or a day the calendar does not have (2016-02-30). */
function dateProblem(name: string, value: string | undefined): string {
  if (value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(value)) return `${name} is ${value}, which is not a day in the calendar.`;
  return `${name} must be a date, YYYY-MM-DD.`;
}

/** A range from two 'YYYY-MM-DD' dates (inclusive), or a message saying what is wrong. */
export function parseRange(from: string | undefined, to: string | undefined): DayRange | string {
  const a = from === undefined ? null : parseIsoDate(from);
  const b = to === undefined ? null : parseIsoDate(to);
  if (a === null) return dateProblem('from', from);
  if (b === null) return dateProblem('to', to);
  if (b < a) return 'to must not be before from.';
  if (b - a + 1 > MAX_PERIOD_DAYS) return `A period is at most ${MAX_PERIOD_DAYS} days.`;
  return { fromDay: a, toDay: b + 1 };
}

export function previousRange(r: DayRange, zone = DEFAULT_REPORTING_ZONE): DayRange {
  const days = reportingDays(zone);
  if (days.monthOf(r.fromDay) === r.fromDay && days.monthOf(r.toDay) === r.toDay) {
    let months = 0;
    for (let d = r.fromDay; d < r.toDay; d = days.nextMonth(d)) months++;
    let start = r.fromDay;
    for (let i = 0; i < months; i++) start = days.monthOf(start - 1);
    return { fromDay: start, toDay: r.fromDay };
  }
  return { fromDay: r.fromDay - (r.toDay - r.fromDay), toDay: r.fromDay };
}

export function periodOf(r: DayRange, zone = DEFAULT_REPORTING_ZONE): Period {
  const days = reportingDays(zone);
  return { from: days.startOf(r.fromDay), to: days.startOf(r.toDay) };
}

/** The range's dates as the API writes them (to: the last day included). */
export const datesOf = (r: DayRange): { from: string; to: string } => ({ from: isoDateOf(r.fromDay), to: isoDateOf(r.toDay - 1) });

/**
 * Day cells a period needs besides month cells: the part-months at its ends (and, for the backlog at its start, the
 * days of its first month before it). Month cells before the period's end are read whole.
 */
export function dayRangesFor(ranges: readonly DayRange[], zone = DEFAULT_REPORTING_ZONE): [string, string][] {
  const days = reportingDays(zone);
  const out: [string, string][] = [];
  for (const r of ranges) {
    const first = days.monthOf(r.fromDay);
    if (first !== r.fromDay) out.push([isoDateOf(first), isoDateOf(days.nextMonth(first))]);
    const last = days.monthOf(r.toDay);
    if (last !== r.toDay) out.push([isoDateOf(last), isoDateOf(r.toDay)]);
  }
  return out;
}
