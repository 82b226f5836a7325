// Local days and months of the reporting zone (Europe/London by default). Aggregate cells are keyed by these, and a
// period [from, to) must start and end at local midnights so that cells tile it exactly.
import { DAY_MS, civilFromDayNumber, dayNumber, formatIsoDate, parseIsoDate } from '../calendar/civil-date';
import { compileCalendar, type BusinessCalendar } from '../calendar/compile';
import { twentyFourSevenCalendar } from '../calendar/standard-calendars';
import { dayContaining, dayRecord } from '../calendar/working-day';

export const DEFAULT_REPORTING_ZONE = 'Europe/London';

/** Day arithmetic in one zone. It reuses the calendar engine's memoised days, so lookups are array reads. */
export interface ReportingDays {
  readonly zone: string;
  /** The local day number (days since 1970-01-01 in the zone) that contains instant t. */
  dayOf(t: number): number;
  /** The instant of local midnight at the start of a day number. */
  startOf(dayNo: number): number;
  /** The day number of the first day of the month that contains dayNo. */
  monthOf(dayNo: number): number;
  /** The day number of the first day of the next month. */
  nextMonth(monthStart: number): number;
}

const cache = new Map<string, ReportingDays>();

export function reportingDays(zone: string = DEFAULT_REPORTING_ZONE): ReportingDays {
  const known = cache.get(zone);
  if (known) return known;
  const compiled = compileCalendar(twentyFourSevenCalendar(`kpi-days-${zone}`, zone));
  if (!compiled.ok) throw new Error(`Unknown reporting time zone ${zone}.`);
  const cal: BusinessCalendar = compiled.value;
  const days: ReportingDays = {
    zone,
    dayOf: (t) => dayContaining(cal, t).dayNo,
    startOf: (dayNo) => dayRecord(cal, dayNo).startUtc,
    monthOf: (dayNo) => {
      const c = civilFromDayNumber(dayNo);
      return dayNumber(c.year, c.month, 1);
    },
    nextMonth: (monthStart) => {
      const c = civilFromDayNumber(monthStart);
      return c.month === 12 ? dayNumber(c.year + 1, 1, 1) : dayNumber(c.year, c.month + 1, 1);
    },
  };
  cache.set(zone, days);
  return days;
}

/** 'YYYY-MM-DD' of a day number (the zone does not matter: day numbers are already local). */
export const isoDateOf = (dayNo: number): string => formatIsoDate(dayNo);

/** 'YYYY-MM' of a day number. */
export const isoMonthOf = (dayNo: number): string => formatIsoDate(dayNo).slice(0, 7);

export interface Period {
  /** Inclusive start instant (epoch ms). */
  readonly from: number;
  /** Exclusive end instant (epoch ms). */
  readonly to: number;
}

/**
 * The period from local date `fromDate` (inclusive) to local date `toDate` (exclusive) in the zone, e.g. January 2025
 * is ('2025-01-01', '2025-02-01'). Returns null for a malformed date or an empty period.
 */
export function periodOfLocalDates(fromDate: string, toDate: string, zone: string = DEFAULT_REPORTING_ZONE): Period | null {
  const a = parseIsoDate(fromDate);
  const b = parseIsoDate(toDate);
  if (a === null || b === null || b <= a) return null;
  const d = reportingDays(zone);
  return { from: d.startOf(a), to: d.startOf(b) };
}

/** The local day numbers [fromDay, toDay) of a period, or null if an end is not a local midnight. */
export function daysOfPeriod(days: ReportingDays, p: Period): { fromDay: number; toDay: number } | null {
  if (!Number.isFinite(p.from) || !Number.isFinite(p.to) || p.to <= p.from) return null;
  const fromDay = days.dayOf(p.from);
  const toDay = days.dayOf(p.to);
  if (days.startOf(fromDay) !== p.from || days.startOf(toDay) !== p.to) return null;
  return { fromDay, toDay };
}

export { DAY_MS };
