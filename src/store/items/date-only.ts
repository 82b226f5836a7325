// Date-only columns, as a SharePoint site stores them: the date's midnight in the site's time zone, kept and
// returned as a UTC instant. On a Europe/London site 2025-07-01 is 2025-06-30T23:00:00Z (BST) and 2025-01-15 is
// 2025-01-15T00:00:00Z (GMT). https://learn.microsoft.com/en-us/graph/api/resources/datetimecolumn
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIDNIGHT_FORMS = /^(\d{4}-\d{2}-\d{2})T00:00(:00(\.0+)?)?(Z|[+-]00:00)$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-GB', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

/** The zone's offset from UTC at an instant, in milliseconds (positive east of Greenwich). */
function offsetAt(ms: number, timeZone: string): number {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** Checks a time zone name once, so a bad site setting fails at start rather than on the first write. */
export function checkTimeZone(timeZone: string): string {
  formatter(timeZone).format(0);
  return timeZone;
}

/**
 * Midnight of a calendar date in the zone, as SharePoint's "...Z" text; undefined when `value` is not a date.
 * Where midnight does not exist (a zone that springs forward at 00:00), the first instant of the day is used.
 */
export function dateOnlyInstant(value: string, timeZone: string): string | undefined {
  const match = DATE.exec(value);
  if (!match) return undefined;
  const wall = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(wall) || new Date(wall).toISOString().slice(0, 10) !== value) return undefined;
  let instant = wall - offsetAt(wall, timeZone);
  instant = wall - offsetAt(instant, timeZone);
  if (offsetAt(instant, timeZone) + instant !== wall) instant = wall - offsetAt(instant - 86_400_000, timeZone);
  return new Date(instant).toISOString().slice(0, 19) + 'Z';
}

/** The site-local calendar date of an instant (YYYY-MM-DD). */
export function localDate(instantMs: number, timeZone: string): string {
  return new Date(instantMs + offsetAt(instantMs, timeZone)).toISOString().slice(0, 10);
}

/**
 * A value written to a date-only column: a date (YYYY-MM-DD), or an instant, whose site-local date is kept.
 * Midnight written with a zero offset ("2025-07-01T00:00:00Z") is read as the date 2025-07-01, since that is how
 * clients commonly spell a date; any other instant is moved to its local date.
 */
export function normalizeDateOnly(value: string, timeZone: string): string | undefined {
  const midnight = MIDNIGHT_FORMS.exec(value);
  if (midnight) return dateOnlyInstant(midnight[1]!, timeZone);
  const date = dateOnlyInstant(value, timeZone);
  if (date) return date;
  const ms = Date.parse(value);
  if (!/T\d{2}:\d{2}/.test(value) || !/(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(ms)) return undefined;
  return dateOnlyInstant(localDate(ms, timeZone), timeZone);
}
