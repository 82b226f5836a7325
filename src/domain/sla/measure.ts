// How a clock measures time: working time of its calendar, or real elapsed time for targets in calendar days.
import { addBusinessTimeStrict, businessTimeBetweenStrict, nextWorkingInstantStrict } from '../calendar/business-time';
import type { BusinessCalendar } from '../calendar/compile';
import { addBusinessDaysStrict, addCalendarDaysInZone } from '../calendar/days';
import type { TargetSpec } from './types';

export interface Measure {
  readonly kind: 'business' | 'elapsed';
  between(from: number, to: number): number;
  add(from: number, amountMs: number): number;
  /**
   * Where an instant of this clock is shown. An instant at a closing time is the same point in business time as the
   * next opening: targets in business days use the opening (same local time as the start), others the closing time.
   */
  settle(t: number): number;
}

export function measureFor(target: TargetSpec, cal: BusinessCalendar): Measure {
  if (target.unit === 'calendarDays') {
    return { kind: 'elapsed', between: (a, b) => b - a, add: (a, ms) => a + ms, settle: (t) => t };
  }
  return {
    kind: 'business',
    between: (a, b) => businessTimeBetweenStrict(cal, a, b),
    add: (a, ms) => addBusinessTimeStrict(cal, a, ms),
    settle: target.unit === 'businessDays' ? (t) => nextWorkingInstantStrict(cal, t) : (t) => t,
  };
}

/**
 * A target as an amount of the clock's measure, fixed from the clock's original start: N business days become the
 * working time from the start to the same local time on the Nth working day; N calendar days become the real time to
 * the same local time N days later (23 or 25 hours for a day across a DST change).
 */
export function targetAmountMs(target: TargetSpec, cal: BusinessCalendar, start: number): number {
  switch (target.unit) {
    case 'businessMinutes':
      return Math.round(target.value * 60_000);
    case 'businessDays':
      return businessTimeBetweenStrict(cal, start, addBusinessDaysStrict(cal, start, target.value));
    case 'calendarDays':
      return addCalendarDaysInZone(cal.timeZone, start, target.value) - start;
  }
}
