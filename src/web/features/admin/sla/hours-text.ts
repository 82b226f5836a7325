// Weekly hours as people type them: one line per weekday, "09:00-12:30, 13:30-17:00", empty for a closed day.
import type { TimeRangeDto, WeeklyHoursDto } from '../../../../contracts/sla';

export const WEEKDAYS = [
  ['1', 'Monday'],
  ['2', 'Tuesday'],
  ['3', 'Wednesday'],
  ['4', 'Thursday'],
  ['5', 'Friday'],
  ['6', 'Saturday'],
  ['7', 'Sunday'],
] as const;

export type WeekdayKey = (typeof WEEKDAYS)[number][0];
export type HoursText = Record<WeekdayKey, string>;

export function hoursToText(hours: WeeklyHoursDto): HoursText {
  const out = {} as HoursText;
  for (const [key] of WEEKDAYS) out[key] = (hours[key] ?? []).map((r) => `${r.start}-${r.end}`).join(', ');
  return out;
}

const RANGE = /^\s*(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})\s*$/;
const pad = (t: string) => (t.length === 4 ? `0${t}` : t);

/** Ranges by weekday, or the weekday fields that cannot be read (the API checks the times themselves). */
export function textToHours(text: HoursText): { hours: WeeklyHoursDto; errors: Partial<Record<WeekdayKey, string>> } {
  const hours: Partial<Record<WeekdayKey, TimeRangeDto[]>> = {};
  const errors: Partial<Record<WeekdayKey, string>> = {};
  for (const [key, day] of WEEKDAYS) {
    const parts = text[key].split(',').map((p) => p.trim()).filter(Boolean);
    const ranges: TimeRangeDto[] = [];
    for (const part of parts) {
      const m = RANGE.exec(part);
      if (!m) errors[key] = `${day}: write ranges as 09:00-17:00, separated by commas.`;
      else ranges.push({ start: pad(m[1]!), end: pad(m[2]!) });
    }
    if (ranges.length > 0) hours[key] = ranges;
  }
  return { hours, errors };
}
