import { TITLE_COLUMN, defineList } from './schema';

/**
 * Business calendars for SLA and OLA clocks: a time zone, weekly working hours (JSON, several ranges a day) and the
 * public holidays observed. Closure days are items of their own (Closure Days), so adding one never races an edit here.
 */
export const calendarsList = defineList({
  name: 'Calendars',
  description: 'Business calendars for SLA and OLA clocks. Written only by the service API.',
  columns: [
    TITLE_COLUMN,
    { name: 'CalendarKey', type: 'text', required: true, indexed: true, unique: true, maxLength: 64 },
    { name: 'TimeZone', type: 'text', required: true, maxLength: 64 },
    // {"1": [{"start": "09:00", "end": "17:00"}], ...}: ISO weekday to working ranges.
    { name: 'WeeklyHours', type: 'note', required: true, maxLength: 4000 },
    // A gov.uk division; empty: the calendar works through public holidays (24x7).
    { name: 'HolidaySet', type: 'choice', choices: ['england-and-wales', 'scotland', 'northern-ireland'] },
    { name: 'Revision', type: 'number', required: true },
    { name: 'UpdatedAt', type: 'dateTime', required: true },
    { name: 'UpdatedById', type: 'text', maxLength: 64 },
    { name: 'UpdatedByName', type: 'text', maxLength: 255 },
  ],
});
