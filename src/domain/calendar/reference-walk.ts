// A deliberately naive minute-by-minute reference for business time, used by tests and the benchmark to check the
// fast engine. It asks Intl for the local time of every minute, so it is slow by design. Minute-aligned inputs only.
import { dayNumber, parseIsoDate, parseTimeOfDay, weekdayOfDayNumber } from './civil-date';
import type { CalendarDefinition } from './types';
import { localDateTimeOf } from './zone';

const MINUTE = 60_000;

export interface ReferenceCalendar {
  isWorkingMinute(t: number): boolean;
}

export function referenceCalendar(def: CalendarDefinition): ReferenceCalendar {
  const off = new Set<number>();
  for (const d of [...(def.holidays?.days ?? []), ...def.closureDays]) off.add(parseIsoDate(d.date) ?? Number.NaN);
  return {
    isWorkingMinute(t: number): boolean {
      const l = localDateTimeOf(def.timeZone, t);
      const dayNo = dayNumber(l.year, l.month, l.day);
      if (off.has(dayNo)) return false;
      const minute = l.hour * 60 + l.minute;
      return (def.weeklyHours[weekdayOfDayNumber(dayNo)] ?? []).some(
        (r) => (parseTimeOfDay(r.start) ?? 0) <= minute && minute < (parseTimeOfDay(r.end) ?? 0),
      );
    },
  };
}

export function referenceAdd(cal: ReferenceCalendar, start: number, durationMs: number): number {
  let remaining = Math.round(durationMs / MINUTE);
  let t = start;
  while (remaining > 0) {
    if (cal.isWorkingMinute(t)) remaining--;
    t += MINUTE;
  }
  return t;
}

export function referenceBetween(cal: ReferenceCalendar, from: number, to: number): number {
  let minutes = 0;
  for (let t = from; t < to; t += MINUTE) if (cal.isWorkingMinute(t)) minutes++;
  return minutes * MINUTE;
}
