// Public surface of the business calendar. Instants are epoch milliseconds; results carry stable error codes.
export type {
  CalendarDefinition,
  CalendarError,
  CalendarErrorCode,
  CalendarResult,
  DatedDay,
  HolidaySet,
  IsoWeekday,
  TimeRange,
  WeeklyHours,
} from './types';
export { CalendarFailure } from './types';
export { compileCalendar, type BusinessCalendar } from './compile';
export {
  addBusinessTime,
  addBusinessTimeStrict,
  businessTimeBetween,
  businessTimeBetweenStrict,
  isWorkingInstant,
  nextWorkingInstant,
  nextWorkingInstantStrict,
} from './business-time';
export { addBusinessDays, addBusinessDaysStrict, addCalendarDays, addCalendarDaysInZone } from './days';
export { describeDay, isWorkingDate } from './day-info';
export { ENGLAND_AND_WALES_BANK_HOLIDAYS, mergeHolidaySets } from './holiday-sets';
export { ENGLAND_AND_WALES_BANK_HOLIDAY_DAYS } from './england-wales-bank-holidays';
export { parseGovUkBankHolidays, GOV_UK_DIVISIONS, type GovUkDivision, type HolidayFeedError, type HolidayFeedResult } from './govuk-bank-holidays';
export { mondayToFridayCalendar, twentyFourSevenCalendar, type WeekdayCalendarOptions } from './standard-calendars';
export { instantOfLocal, localDateTimeOf, isValidTimeZone, type LocalDateTime } from './zone';
export { DAY_MS, HOUR_MS, MINUTE_MS } from './civil-date';
