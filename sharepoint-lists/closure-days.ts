import { TITLE_COLUMN, defineList } from './schema';

/** Local closure days of a calendar (an office move, a staff day): one item per calendar and date. */
export const closureDaysList = defineList({
  name: 'Closure Days',
  description: 'Days a business calendar is closed besides public holidays. Written only by the service API.',
  columns: [
    TITLE_COLUMN,
    // `${calendarKey}:${date}`: one closure per calendar and day.
    { name: 'ClosureKey', type: 'text', required: true, indexed: true, unique: true, maxLength: 80 },
    { name: 'CalendarKey', type: 'text', required: true, indexed: true, maxLength: 64 },
    // Date-only, as a Europe/London site stores it (local midnight as a UTC instant); the adapter maps it back.
    { name: 'ClosureDate', type: 'dateOnly', required: true, indexed: true },
    { name: 'UpdatedAt', type: 'dateTime', required: true },
    { name: 'UpdatedById', type: 'text', maxLength: 64 },
    { name: 'UpdatedByName', type: 'text', maxLength: 255 },
  ],
});
