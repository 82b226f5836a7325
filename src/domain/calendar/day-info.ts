// What a calendar says about one local date: for admin pages and for the worker's "N business days" checks.
import { parseIsoDate } from './civil-date';
import type { BusinessCalendar } from './compile';
import { CalendarFailure, guard } from './types';
import type { CalendarResult } from './types';
import { dayRecord, noHolidayData, type DayKind } from './working-day';

export interface DayDescription {
  readonly date: string;
  readonly kind: Exclude<DayKind, 'no-holiday-data'>;
  /** The holiday or closure title, when the day is one. */
  readonly title: string | null;
  readonly workMs: number;
  /** Flat [start, end, ...] working intervals as instants. */
  readonly intervals: readonly number[];
}

function titleOf(cal: BusinessCalendar, date: string, kind: DayKind): string | null {
  if (kind === 'closure') return cal.definition.closureDays.find((d) => d.date === date)?.title ?? null;
  if (kind === 'holiday') return cal.definition.holidays?.days.find((d) => d.date === date)?.title ?? null;
  return null;
}

export function describeDay(cal: BusinessCalendar, date: string): CalendarResult<DayDescription> {
  return guard(() => {
    const dayNo = parseIsoDate(date);
    if (dayNo === null) throw new CalendarFailure({ code: 'invalid_argument', field: 'date', message: `Not a date: ${date}.` });
    const rec = dayRecord(cal, dayNo);
    if (rec.kind === 'no-holiday-data') throw noHolidayData(cal, dayNo);
    return { date, kind: rec.kind, title: titleOf(cal, date, rec.kind), workMs: rec.workMs, intervals: rec.intervals };
  });
}

export function isWorkingDate(cal: BusinessCalendar, date: string): CalendarResult<boolean> {
  const d = describeDay(cal, date);
  return d.ok ? { ok: true, value: d.value.workMs > 0 } : d;
}
