// Calendar <-> Calendars list item, and closure day <-> Closure Days list item. Weekly hours travel as JSON.
import { calendarsList } from '../../../sharepoint-lists/calendars';
import { closureDaysList } from '../../../sharepoint-lists/closure-days';
import type { GovUkDivision } from '../../domain/calendar/govuk-bank-holidays';
import { GOV_UK_DIVISIONS } from '../../domain/calendar/govuk-bank-holidays';
import type { TimeRange, WeeklyHours } from '../../domain/calendar/types';
import type { ListItem } from '../lists/types';
import { FieldReader, writeFields, type FieldValues } from './fields';

export interface CalendarRecord {
  readonly key: string;
  readonly name: string;
  readonly timeZone: string;
  readonly weeklyHours: WeeklyHours;
  /** The gov.uk division whose bank holidays the calendar observes; null: none (24x7). */
  readonly holidaySet: GovUkDivision | null;
  /** Counts saves, so people can tell which hours a figure was computed with. */
  readonly revision: number;
  readonly updatedAt: string;
  readonly updatedById: string | null;
  readonly updatedByName: string | null;
}

export interface ClosureDayRecord {
  readonly calendarKey: string;
  /** The local date, YYYY-MM-DD. */
  readonly date: string;
  readonly title: string;
  readonly updatedAt: string;
  readonly updatedById: string | null;
  readonly updatedByName: string | null;
}

export const closureKeyOf = (calendarKey: string, date: string): string => `${calendarKey}:${date}`;

const isRange = (v: unknown): v is TimeRange =>
  typeof v === 'object' && v !== null && typeof (v as TimeRange).start === 'string' && typeof (v as TimeRange).end === 'string';

/** Weekly hours as stored: an object of ISO weekday to ranges. Content rules (times, overlaps) are the calendar's. */
export function parseWeeklyHours(value: unknown): WeeklyHours {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('weekly hours must be an object of weekday to ranges');
  const out: Record<number, TimeRange[]> = {};
  for (const [day, ranges] of Object.entries(value as Record<string, unknown>)) {
    const wd = Number(day);
    if (!Number.isInteger(wd) || wd < 1 || wd > 7) throw new Error(`"${day}" is not an ISO weekday (1 to 7)`);
    if (!Array.isArray(ranges) || !ranges.every(isRange)) throw new Error(`weekday ${day} needs a list of {start, end} ranges`);
    out[wd] = ranges.map((r) => ({ start: r.start, end: r.end }));
  }
  return out as WeeklyHours;
}

export function calendarToFields(c: CalendarRecord): FieldValues {
  return writeFields(
    calendarsList,
    {
      Title: c.name,
      CalendarKey: c.key,
      TimeZone: c.timeZone,
      WeeklyHours: JSON.stringify(c.weeklyHours),
      HolidaySet: c.holidaySet,
      Revision: c.revision,
      UpdatedAt: c.updatedAt,
      UpdatedById: c.updatedById,
      UpdatedByName: c.updatedByName,
    },
    { partial: false },
  );
}

export function calendarFromItem(item: ListItem): CalendarRecord {
  const r = new FieldReader(calendarsList, item.id, item.fields);
  return {
    key: r.text('CalendarKey'),
    name: r.text('Title'),
    timeZone: r.text('TimeZone'),
    weeklyHours: r.json('WeeklyHours', {}, parseWeeklyHours),
    holidaySet: r.optionalChoice('HolidaySet', GOV_UK_DIVISIONS),
    revision: r.optionalNumber('Revision') ?? 1,
    updatedAt: r.instant('UpdatedAt'),
    updatedById: r.optionalText('UpdatedById'),
    updatedByName: r.optionalText('UpdatedByName'),
  };
}

export function closureDayToFields(d: ClosureDayRecord): FieldValues {
  return writeFields(
    closureDaysList,
    {
      Title: d.title,
      ClosureKey: closureKeyOf(d.calendarKey, d.date),
      CalendarKey: d.calendarKey,
      ClosureDate: d.date,
      UpdatedAt: d.updatedAt,
      UpdatedById: d.updatedById,
      UpdatedByName: d.updatedByName,
    },
    { partial: false },
  );
}

export function closureDayFromItem(item: ListItem): ClosureDayRecord {
  const r = new FieldReader(closureDaysList, item.id, item.fields);
  const date = r.optionalDate('ClosureDate');
  return {
    calendarKey: r.text('CalendarKey'),
    date: date ?? r.text('ClosureDate'),
    title: r.text('Title'),
    updatedAt: r.instant('UpdatedAt'),
    updatedById: r.optionalText('UpdatedById'),
    updatedByName: r.optionalText('UpdatedByName'),
  };
}
