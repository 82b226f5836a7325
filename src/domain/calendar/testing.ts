// Shared fixtures for tests: the issue's calendars E, D and 24x7, and local-time helpers. Not used by production code.
import { compileCalendar, type BusinessCalendar } from './compile';
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from './holiday-sets';
import { mondayToFridayCalendar, twentyFourSevenCalendar } from './standard-calendars';
import type { CalendarDefinition, CalendarResult } from './types';
import { instantOfLocal, localDateTimeOf } from './zone';

export function mustCompile(def: CalendarDefinition): BusinessCalendar {
  const r = compileCalendar(def);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.value;
}

export function value<T>(r: CalendarResult<T>): T {
  if (!r.ok) throw new Error(`Expected a value, got ${r.errors.map((e) => `${e.code}: ${e.message}`).join('; ')}`);
  return r.value;
}

/** Calendar E: Monday to Friday 08:00-18:00, Europe/London, no holidays. */
export const E_DEF = mondayToFridayCalendar({ id: 'E', timeZone: 'Europe/London', ranges: [{ start: '08:00', end: '18:00' }] });
/** Calendar D: Monday to Friday 09:00-17:00, Europe/London, England and Wales bank holidays. */
export const D_DEF = mondayToFridayCalendar({
  id: 'D',
  timeZone: 'Europe/London',
  ranges: [{ start: '09:00', end: '17:00' }],
  holidays: ENGLAND_AND_WALES_BANK_HOLIDAYS,
});
export const newCalendarE = (): BusinessCalendar => mustCompile(E_DEF);
export const newCalendarD = (): BusinessCalendar => mustCompile(D_DEF);
export const newCalendar24x7 = (): BusinessCalendar => mustCompile(twentyFourSevenCalendar('24x7', 'Europe/London'));

/** 'YYYY-MM-DD HH:MM' local wall-clock time in the zone -> instant. */
export function local(text: string, timeZone = 'Europe/London'): number {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(text);
  if (!m) throw new Error(`Bad local time: ${text}`);
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  return instantOfLocal(timeZone, { year: y, month: mo, day: d, hour: h, minute: mi });
}

/** Instant -> 'YYYY-MM-DD HH:MM' local wall-clock time in the zone. */
export function showLocal(t: number, timeZone = 'Europe/London'): string {
  const l = localDateTimeOf(timeZone, t);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${p(l.year, 4)}-${p(l.month)}-${p(l.day)} ${p(l.hour)}:${p(l.minute)}`;
}

export const utc = (t: number): string => new Date(t).toISOString();

/** Deterministic inputs for property tests and the benchmark: the same PRNG the generators use. */
export { seededRandom } from '../generated/random';
