// Helpers that build common calendar definitions. 24x7 is an ordinary calendar: every hour of every day, no holidays.
import type { CalendarDefinition, DatedDay, HolidaySet, TimeRange, WeeklyHours } from './types';

const ALL_DAY: readonly TimeRange[] = [{ start: '00:00', end: '24:00' }];

export function twentyFourSevenCalendar(id = '24x7', timeZone = 'Europe/London'): CalendarDefinition {
  return {
    id,
    name: '24x7',
    timeZone,
    weeklyHours: { 1: ALL_DAY, 2: ALL_DAY, 3: ALL_DAY, 4: ALL_DAY, 5: ALL_DAY, 6: ALL_DAY, 7: ALL_DAY },
    holidays: null,
    closureDays: [],
  };
}

export interface WeekdayCalendarOptions {
  readonly id: string;
  readonly name?: string;
  readonly timeZone: string;
  /** The same ranges Monday to Friday, for example [{ start: '09:00', end: '12:30' }, { start: '13:30', end: '17:00' }]. */
  readonly ranges: readonly TimeRange[];
  readonly holidays?: HolidaySet | null;
  readonly closureDays?: readonly DatedDay[];
}

export function mondayToFridayCalendar(o: WeekdayCalendarOptions): CalendarDefinition {
  const weeklyHours: WeeklyHours = { 1: o.ranges, 2: o.ranges, 3: o.ranges, 4: o.ranges, 5: o.ranges };
  return {
    id: o.id,
    name: o.name ?? o.id,
    timeZone: o.timeZone,
    weeklyHours,
    holidays: o.holidays ?? null,
    closureDays: o.closureDays ?? [],
  };
}
