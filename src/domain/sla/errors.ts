// Clock computations return results with stable codes; calendar failures keep their own code and year.
import type { CalendarError } from '../calendar/types';

export type ClockErrorCode =
  | 'history_empty'
  | 'history_invalid'
  | 'calendar_missing'
  | 'no_holiday_data'
  | 'no_working_time'
  | 'invalid_argument'
  | 'invalid_policy';

export interface ClockError {
  readonly code: ClockErrorCode;
  readonly message: string;
  readonly field?: string;
  readonly calendarId?: string;
  readonly year?: number;
}

export type ClockResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly ClockError[] };

export class ClockFailure extends Error {
  constructor(readonly error: ClockError) {
    super(error.message);
    this.name = 'ClockFailure';
  }
}

export function fromCalendarError(e: CalendarError): ClockError {
  const code: ClockErrorCode = e.code === 'invalid_calendar' ? 'invalid_argument' : e.code;
  return { code, message: e.message, calendarId: e.calendarId, year: e.year, field: e.field };
}
