// Date-only columns come back from SharePoint as the site's local midnight written as a UTC instant
// (2025-07-01 on a Europe/London site reads 2025-06-30T23:00:00Z). The mappers turn that back into the date.
/** The product's sites are in Europe/London; a deployment elsewhere passes its site's zone to the readers. */
export const DEFAULT_SITE_TIME_ZONE = 'Europe/London';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) a stored date-only value stands for, or undefined when it is neither form. */
export function dateOnlyFromGraph(raw: string, timeZone: string = DEFAULT_SITE_TIME_ZONE): string | undefined {
  if (ISO_DATE.test(raw)) return raw;
  if (!ISO_INSTANT.test(raw)) return undefined;
  const ms = Date.parse(raw);
  if (Number.isNaN(ms)) return undefined;
  let format = formatters.get(timeZone);
  if (!format) {
    // en-CA formats dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, format);
  }
  return format.format(new Date(ms));
}
