// Local wall-clock times of an export ("29/2/2016 01:16", no zone) to instants in a configured IANA zone.
// Gap and overlap rules are the calendar's (decision 0100): a time skipped by spring-forward moves forward by the gap
// (01:30 -> 02:30 BST); a time repeated by fall-back takes its first occurrence (the BST one).
import { instantOfLocal, localDateTimeOf, type LocalDateTime } from '../calendar';
import type { DateOrder } from './mapping';

const DATE_TIME = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const DAY_MS = 86_400_000;

export type TimeAdjustment = 'dstGap' | 'dstOverlap';

export interface ConvertedTime {
  /** ISO-8601 UTC with whole seconds, the form the list columns hand back. */
  readonly iso: string;
  readonly adjustment: TimeAdjustment | null;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The wall-clock fields of a text in the given order, or null when it is not a real date and time. */
export function parseLocalDateTime(text: string, order: DateOrder): LocalDateTime | null {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return null;
  const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [year, month, day] = order === 'dmy' ? [c, b, a] : order === 'mdy' ? [c, a, b] : [a, b, c];
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || (m[6] !== undefined && Number(m[6]) > 59)) return null;
  return { year, month, day, hour, minute };
}

export const isoInstant = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Converts an export's local times in one zone, optionally moved by whole weeks of local wall-clock time (the demo
 * data keeps its weekdays, working hours and DST that way). Results are memoised: an export repeats the same times.
 */
export class LocalTimeConverter {
  private readonly memo = new Map<string, ConvertedTime | null>();
  /** Per local day: the zone's offset when it holds all day, or null on a day with a DST change. */
  private readonly days = new Map<number, number | null>();

  constructor(
    readonly zone: string,
    readonly order: DateOrder,
    readonly shiftWeeks = 0,
  ) {}

  convert(text: string): ConvertedTime | null {
    let hit = this.memo.get(text);
    if (hit !== undefined || this.memo.has(text)) return hit ?? null;
    hit = this.compute(text);
    if (this.memo.size > 200_000) this.memo.clear();
    this.memo.set(text, hit);
    return hit;
  }

  private compute(text: string): ConvertedTime | null {
    const parsed = parseLocalDateTime(text, this.order);
    if (!parsed) return null;
    const local = this.shifted(parsed);
    const localMs = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
    const offset = this.dayOffset(local);
    // Most days have one offset all day: no gap, no overlap, one subtraction.
    if (offset !== null) return { iso: isoInstant(localMs - offset), adjustment: null };
    const t = instantOfLocal(this.zone, local);
    const back = localDateTimeOf(this.zone, t);
    let adjustment: TimeAdjustment | null = null;
    if (back.hour !== local.hour || back.minute !== local.minute || back.day !== local.day) adjustment = 'dstGap';
    else if (sameWallClock(localDateTimeOf(this.zone, t + 3_600_000), local) || sameWallClock(localDateTimeOf(this.zone, t + 1_800_000), local)) {
      adjustment = 'dstOverlap';
    }
    return { iso: isoInstant(t), adjustment };
  }

  private dayOffset(local: LocalDateTime): number | null {
    const day = Date.UTC(local.year, local.month - 1, local.day);
    let offset = this.days.get(day);
    if (offset === undefined) {
      const at = (hour: number, minute: number) => {
        const t = instantOfLocal(this.zone, { ...local, hour, minute });
        const back = localDateTimeOf(this.zone, t);
        return back.hour === hour && back.minute === minute ? day + (hour * 60 + minute) * 60_000 - t : Number.NaN;
      };
      const first = at(0, 0);
      // Offsets at the start, the end, and just after the end: a change inside the day shows as a difference.
      const last = at(23, 59);
      const next = localDateTimeOf(this.zone, day + DAY_MS - first);
      const uniform = first === last && next.hour === 0 && next.minute === 0;
      offset = uniform ? first : null;
      this.days.set(day, offset);
    }
    return offset;
  }

  private shifted(local: LocalDateTime): LocalDateTime {
    if (this.shiftWeeks === 0) return local;
    const d = new Date(Date.UTC(local.year, local.month - 1, local.day) + this.shiftWeeks * 7 * DAY_MS);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: local.hour, minute: local.minute };
  }
}

function sameWallClock(a: LocalDateTime, b: LocalDateTime): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute;
}
