// Reads an admin's calendar or closure day from a request body; every problem names its field. The calendar
// engine (compileCalendar) has the last word on times and overlaps.
import type { HolidaySetKey } from '../../contracts/sla';
import { parseIsoDate } from '../../domain/calendar/civil-date';
import { compileCalendar } from '../../domain/calendar/compile';
import { GOV_UK_DIVISIONS, type GovUkDivision } from '../../domain/calendar/govuk-bank-holidays';
import type { TimeRange, WeeklyHours } from '../../domain/calendar/types';
import { isValidTimeZone } from '../../domain/calendar/zone';
import { CONFIG_KEY } from '../../domain/config/validate';
import type { DomainError } from '../../domain/result';
import { invalid } from '../../domain/result';
import { readUserText } from '../../domain/text';
import { fromDomainErrors } from '../http/api-error';
import type { KnownHolidaySet } from './holidays';
import { calendarDefinition } from './runtime';

type Body = Readonly<Record<string, unknown>>;

export interface CalendarInput {
  readonly name: string;
  readonly timeZone: string;
  readonly weeklyHours: WeeklyHours;
  readonly holidaySet: GovUkDivision | null;
}

const TITLE_MAX = 255;

export function checkKey(key: string, errors: DomainError[], field = 'key'): void {
  if (!CONFIG_KEY.test(key)) errors.push(invalid(field, 'A key is 1 to 64 lower-case letters, digits or hyphens, starting with a letter or digit.'));
}

/** A calendar, policy or closure-day name: single-line user text (decision 0415). */
export function readName(value: unknown, errors: DomainError[], field = 'name'): string {
  return readUserText(field, value, errors, { required: true, max: TITLE_MAX, label: field, shape: 'single-line' }) ?? '';
}

function readWeeklyHours(value: unknown, errors: DomainError[]): WeeklyHours {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    errors.push(invalid('weeklyHours', 'Give working hours per weekday, for example {"1": [{"start": "09:00", "end": "17:00"}]}.'));
    return {};
  }
  const out: Record<number, TimeRange[]> = {};
  for (const [day, ranges] of Object.entries(value as Record<string, unknown>)) {
    const wd = Number(day);
    if (!/^[1-7]$/.test(day)) {
      errors.push(invalid(`weeklyHours.${day}`, 'Weekdays are 1 (Monday) to 7 (Sunday).'));
      continue;
    }
    if (!Array.isArray(ranges)) {
      errors.push(invalid(`weeklyHours.${day}`, 'Give a list of {start, end} ranges (an empty list for a closed day).'));
      continue;
    }
    out[wd] = [];
    ranges.forEach((r: unknown, i) => {
      const range = r as Partial<TimeRange> | null;
      if (!range || typeof range.start !== 'string' || typeof range.end !== 'string') errors.push(invalid(`weeklyHours.${day}[${i}]`, 'A range is {"start": "HH:MM", "end": "HH:MM"}.'));
      else out[wd]!.push({ start: range.start, end: range.end });
    });
  }
  return out as WeeklyHours;
}

/** A calendar from the body, checked by compiling it with the holiday sets known now. Throws a 400 listing every field. */
export function parseCalendar(key: string, body: Body, sets: ReadonlyMap<GovUkDivision, KnownHolidaySet>): CalendarInput {
  const errors: DomainError[] = [];
  checkKey(key, errors);
  const name = readName(body.name, errors);
  const timeZone = typeof body.timeZone === 'string' ? body.timeZone.trim() : '';
  if (!timeZone || !isValidTimeZone(timeZone)) errors.push(invalid('timeZone', `Choose an IANA time zone such as Europe/London${timeZone ? ` ("${timeZone}" is not one)` : ''}.`));
  const weeklyHours = readWeeklyHours(body.weeklyHours, errors);
  const raw = body.holidaySet ?? null;
  let holidaySet: GovUkDivision | null = null;
  if (raw !== null && raw !== '') {
    if (!GOV_UK_DIVISIONS.includes(raw as HolidaySetKey)) errors.push(invalid('holidaySet', `Bank holidays are one of ${GOV_UK_DIVISIONS.join(', ')}, or none.`));
    else if (!sets.has(raw as GovUkDivision)) errors.push(invalid('holidaySet', `No ${String(raw)} bank holidays are loaded yet: load the gov.uk file first.`));
    else holidaySet = raw as GovUkDivision;
  }
  if (errors.length === 0) {
    const record = { key, name, timeZone, weeklyHours, holidaySet, revision: 1, updatedAt: '', updatedById: null, updatedByName: null };
    const compiled = compileCalendar(calendarDefinition(record, [], sets));
    if (!compiled.ok) for (const e of compiled.errors) errors.push(invalid(e.field ?? 'weeklyHours', e.message));
  }
  if (errors.length > 0) throw fromDomainErrors(errors);
  return { name, timeZone, weeklyHours, holidaySet };
}

/** A closure day: a real date (YYYY-MM-DD) and a title. */
export function parseClosureDay(date: string, body: Body): { date: string; title: string } {
  const errors: DomainError[] = [];
  if (parseIsoDate(date) === null) errors.push(invalid('date', `"${date}" is not a date as YYYY-MM-DD.`));
  const title = readName(body.title, errors, 'title');
  if (errors.length > 0) throw fromDomainErrors(errors);
  return { date, title };
}
