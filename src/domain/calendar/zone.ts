// Wall-clock time in an IANA zone, through Intl only (never the process time zone). Formatters are cached: creating one is slow.
import { DAY_MS, dayNumber, type CivilDate, civilFromDayNumber } from './civil-date';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone.length === 0) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at instant t, in milliseconds (local = utc + offset). */
export function offsetAt(timeZone: string, t: number): number {
  const whole = Math.floor(t / 1000) * 1000;
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bc = false;
  for (const p of formatterFor(timeZone).formatToParts(whole)) {
    switch (p.type) {
      case 'year': year = Number(p.value); break;
      case 'month': month = Number(p.value); break;
      case 'day': day = Number(p.value); break;
      case 'hour': hour = Number(p.value); break;
      case 'minute': minute = Number(p.value); break;
      case 'second': second = Number(p.value); break;
      case 'era': bc = p.value.startsWith('B'); break;
      default: break;
    }
  }
  const wall = Date.UTC(bc ? 1 - year : year, month - 1, day, hour, minute, second);
  return wall - whole;
}

/** Local wall-clock time of t, expressed as if it were UTC milliseconds (so day number = floor(local / DAY_MS)). */
export function toLocalMs(timeZone: string, t: number): number {
  return t + offsetAt(timeZone, t);
}

/**
 * The instant of a local wall-clock time. Like Temporal's 'compatible' rule: a time skipped by a spring-forward gap
 * moves forward by the gap; a time repeated by a fall-back overlap takes the earlier instant.
 */
export function fromLocalMs(timeZone: string, localMs: number): number {
  const before = offsetAt(timeZone, localMs - DAY_MS);
  const after = offsetAt(timeZone, localMs + DAY_MS);
  if (before === after) {
    // No transition nearby in the common case; confirm, since zones can move by other amounts.
    const t = localMs - before;
    if (offsetAt(timeZone, t) === before) return t;
  }
  const early = localMs - before;
  const late = localMs - after;
  const earlyValid = offsetAt(timeZone, early) === before;
  const lateValid = offsetAt(timeZone, late) === after;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (earlyValid) return early;
  if (lateValid) return late;
  return early; // in the gap: the pre-transition offset pushes the time forward
}

export interface LocalDateTime extends CivilDate {
  readonly hour: number;
  readonly minute: number;
}

export function localDateTimeOf(timeZone: string, t: number): LocalDateTime {
  const local = toLocalMs(timeZone, t);
  const dayNo = Math.floor(local / DAY_MS);
  const minuteOfDay = Math.floor((local - dayNo * DAY_MS) / 60_000);
  return { ...civilFromDayNumber(dayNo), hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 };
}

/** The instant of a local date and time in the zone (see fromLocalMs for gaps and overlaps). */
export function instantOfLocal(timeZone: string, local: LocalDateTime): number {
  const localMs = dayNumber(local.year, local.month, local.day) * DAY_MS + (local.hour * 60 + local.minute) * 60_000;
  return fromLocalMs(timeZone, localMs);
}
