// Validates a calendar definition and turns it into the form the engine walks: minutes per weekday and day-number sets.
import { parseIsoDate, parseTimeOfDay } from './civil-date';
import { calendarFail, calendarOk } from './types';
import type { CalendarDefinition, CalendarError, CalendarResult, DatedDay, IsoWeekday } from './types';
import { isValidTimeZone, offsetAt } from './zone';
import { newDayCache, type DayCache } from './working-day';

/** A checked calendar. Opaque to callers: use the calendar functions. It memoises working days, which is invisible from outside. */
export interface BusinessCalendar {
  readonly id: string;
  readonly timeZone: string;
  readonly definition: CalendarDefinition;
  /** Index 1..7 (ISO weekday): flat [startMinute, endMinute, ...] sorted, non-overlapping. Index 0 unused. */
  readonly week: readonly (readonly number[])[];
  /** Day numbers of holidays, or null when the calendar observes none. */
  readonly holidayDays: ReadonlySet<number> | null;
  readonly holidayFromYear: number;
  readonly holidayToYear: number;
  readonly closureDays: ReadonlySet<number>;
  /** A first guess of the zone offset, used only to find the local day of an instant quickly. */
  readonly offsetGuessMs: number;
  readonly dayCache: DayCache;
}

const WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

function compileWeek(def: CalendarDefinition, errors: CalendarError[]): number[][] {
  const week: number[][] = [[]];
  for (const wd of WEEKDAYS) {
    const ranges = [...(def.weeklyHours[wd] ?? [])];
    const minutes: [number, number][] = [];
    ranges.forEach((r, i) => {
      const field = `weeklyHours.${wd}[${i}]`;
      const s = parseTimeOfDay(r.start);
      const e = parseTimeOfDay(r.end);
      if (s === null || e === null) errors.push({ code: 'invalid_calendar', field, message: `Times must be HH:MM (got ${r.start}-${r.end}).` });
      else if (s >= e) errors.push({ code: 'invalid_calendar', field, message: `A range must end after it starts (${r.start}-${r.end}); split overnight shifts.` });
      else minutes.push([s, e]);
    });
    minutes.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < minutes.length; i++) {
      if (minutes[i]![0] < minutes[i - 1]![1]) {
        errors.push({ code: 'invalid_calendar', field: `weeklyHours.${wd}`, message: 'Working ranges on one day must not overlap.' });
      }
    }
    week.push(minutes.flat());
  }
  if (week.every((m) => m.length === 0)) {
    errors.push({ code: 'invalid_calendar', field: 'weeklyHours', message: 'A calendar needs at least one working range in the week.' });
  }
  return week;
}

function compileDays(days: readonly DatedDay[], field: string, errors: CalendarError[]): Set<number> {
  const set = new Set<number>();
  days.forEach((d, i) => {
    const n = parseIsoDate(d.date);
    if (n === null) errors.push({ code: 'invalid_calendar', field: `${field}[${i}]`, message: `Not a date: ${d.date}.` });
    else set.add(n);
  });
  return set;
}

export function compileCalendar(def: CalendarDefinition): CalendarResult<BusinessCalendar> {
  const errors: CalendarError[] = [];
  if (!isValidTimeZone(def.timeZone)) {
    errors.push({ code: 'invalid_calendar', field: 'timeZone', message: `Unknown IANA time zone: ${def.timeZone}.` });
  }
  const week = compileWeek(def, errors);
  const closureDays = compileDays(def.closureDays, 'closureDays', errors);
  let holidayDays: Set<number> | null = null;
  const h = def.holidays;
  if (h) {
    if (!Number.isInteger(h.fromYear) || !Number.isInteger(h.toYear) || h.fromYear > h.toYear) {
      errors.push({ code: 'invalid_calendar', field: 'holidays', message: 'Holiday coverage needs whole years, fromYear <= toYear.' });
    }
    holidayDays = compileDays(h.days, 'holidays.days', errors);
    h.days.forEach((d, i) => {
      const year = Number(d.date.slice(0, 4));
      if (year < h.fromYear || year > h.toYear) {
        errors.push({ code: 'invalid_calendar', field: `holidays.days[${i}]`, message: `${d.date} is outside the covered years ${h.fromYear}-${h.toYear}.` });
      }
    });
  }
  if (errors.length > 0) return calendarFail(...errors.map((e) => ({ ...e, calendarId: def.id })));
  return calendarOk({
    id: def.id,
    timeZone: def.timeZone,
    definition: def,
    week,
    holidayDays,
    holidayFromYear: h?.fromYear ?? Number.NEGATIVE_INFINITY,
    holidayToYear: h?.toYear ?? Number.POSITIVE_INFINITY,
    closureDays,
    offsetGuessMs: offsetAt(def.timeZone, 0),
    dayCache: newDayCache(),
  });
}
