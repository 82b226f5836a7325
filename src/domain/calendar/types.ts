// Business calendars as data. Instants are epoch milliseconds (UTC); local time exists only inside the calendar code.

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A working interval within one local day, 'HH:MM' to 'HH:MM' (end may be '24:00'). Overnight shifts are two intervals. */
export interface TimeRange {
  readonly start: string;
  readonly end: string;
}

export type WeeklyHours = Readonly<Partial<Record<IsoWeekday, readonly TimeRange[]>>>;

/** A dated day off: a bank holiday or a local closure. `date` is the local date 'YYYY-MM-DD'. */
export interface DatedDay {
  readonly date: string;
  readonly title: string;
}

/**
 * A set of public holidays and the whole years it is known to be complete for.
 * Outside [fromYear, toYear] the calendar refuses to answer instead of treating holidays as working days.
 */
export interface HolidaySet {
  readonly name: string;
  readonly fromYear: number;
  readonly toYear: number;
  readonly days: readonly DatedDay[];
}

export interface CalendarDefinition {
  readonly id: string;
  readonly name: string;
  /** IANA time zone, for example 'Europe/London'. */
  readonly timeZone: string;
  readonly weeklyHours: WeeklyHours;
  /** Public holidays observed, or null for a calendar that works through them (24x7). */
  readonly holidays: HolidaySet | null;
  /** Local closure days added by admins; they need no coverage range. */
  readonly closureDays: readonly DatedDay[];
}

export type CalendarErrorCode =
  /** The arithmetic reached a local year the calendar's holiday set does not cover. */
  | 'no_holiday_data'
  /** No working time was found within the search horizon (for example every day closed). */
  | 'no_working_time'
  | 'invalid_calendar'
  | 'invalid_argument';

export interface CalendarError {
  readonly code: CalendarErrorCode;
  readonly message: string;
  readonly calendarId?: string;
  /** For no_holiday_data: the local year that has no holiday data. */
  readonly year?: number;
  readonly field?: string;
}

/** Same shape as the domain's Result, with the calendar's own stable codes. */
export type CalendarResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly CalendarError[] };

/** Thrown inside the engine's hot loops and turned into a CalendarResult at the public boundary. */
export class CalendarFailure extends Error {
  constructor(readonly error: CalendarError) {
    super(error.message);
    this.name = 'CalendarFailure';
  }
}

export const calendarOk = <T>(value: T): CalendarResult<T> => ({ ok: true, value });
export const calendarFail = <T = never>(...errors: CalendarError[]): CalendarResult<T> => ({ ok: false, errors });

/** Runs engine code and converts a CalendarFailure into a failed result; other errors are bugs and propagate. */
export function guard<T>(run: () => T): CalendarResult<T> {
  try {
    return calendarOk(run());
  } catch (e) {
    if (e instanceof CalendarFailure) return calendarFail(e.error);
    throw e;
  }
}
