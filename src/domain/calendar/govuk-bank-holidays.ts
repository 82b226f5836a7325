// A pure parser for the official gov.uk bank holidays feed (https://www.gov.uk/bank-holidays.json).
// Shape: { "england-and-wales": { "division": "...", "events": [{ "title", "date", "notes", "bunting" }] }, ... }
import { parseIsoDate } from './civil-date';
import type { DatedDay, HolidaySet } from './types';

export type HolidayFeedErrorCode =
  | 'invalid_json'
  | 'not_an_object'
  | 'division_missing'
  | 'events_missing'
  | 'event_invalid'
  | 'date_invalid'
  | 'duplicate_date'
  | 'no_events'
  | 'year_missing';

export interface HolidayFeedError {
  readonly code: HolidayFeedErrorCode;
  readonly message: string;
  /** Where in the document, for example 'england-and-wales.events[3].date'. */
  readonly path?: string;
}

export type HolidayFeedResult =
  | { readonly ok: true; readonly value: HolidaySet }
  | { readonly ok: false; readonly errors: readonly HolidayFeedError[] };

export const GOV_UK_DIVISIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export type GovUkDivision = (typeof GOV_UK_DIVISIONS)[number];

const DIVISION_NAMES: Record<GovUkDivision, string> = {
  'england-and-wales': 'England and Wales bank holidays',
  scotland: 'Scotland bank holidays',
  'northern-ireland': 'Northern Ireland bank holidays',
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const failWith = (...errors: HolidayFeedError[]): HolidayFeedResult => ({ ok: false, errors });

function parseEvents(events: readonly unknown[], base: string): { days: DatedDay[]; errors: HolidayFeedError[] } {
  const days: DatedDay[] = [];
  const errors: HolidayFeedError[] = [];
  const seen = new Set<string>();
  events.forEach((event, i) => {
    const path = `${base}.events[${i}]`;
    if (!isRecord(event) || typeof event.title !== 'string' || event.title.trim() === '' || typeof event.date !== 'string') {
      errors.push({ code: 'event_invalid', path, message: 'Each event needs a non-empty "title" and a "date" string.' });
      return;
    }
    if (parseIsoDate(event.date) === null) {
      errors.push({ code: 'date_invalid', path: `${path}.date`, message: `"${event.date}" is not a YYYY-MM-DD date.` });
      return;
    }
    if (seen.has(event.date)) {
      errors.push({ code: 'duplicate_date', path: `${path}.date`, message: `${event.date} appears more than once.` });
      return;
    }
    seen.add(event.date);
    const notes = typeof event.notes === 'string' ? event.notes.trim() : '';
    days.push({ date: event.date, title: notes ? `${event.title.trim()} (${notes.toLowerCase()})` : event.title.trim() });
  });
  return { days, errors };
}

/**
 * Reads one division of the feed into a holiday set covering the first to the last year listed. Accepts the JSON
 * text or the parsed value. Every problem is reported with a stable code, so a refresh job can refuse bad data.
 */
export function parseGovUkBankHolidays(input: unknown, division: GovUkDivision = 'england-and-wales'): HolidayFeedResult {
  let doc = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input) as unknown;
    } catch {
      return failWith({ code: 'invalid_json', message: 'The feed is not valid JSON.' });
    }
  }
  if (!isRecord(doc)) return failWith({ code: 'not_an_object', message: 'The feed must be a JSON object keyed by division.' });
  const part = doc[division];
  if (!isRecord(part)) return failWith({ code: 'division_missing', path: division, message: `The feed has no "${division}" division.` });
  if (!Array.isArray(part.events)) return failWith({ code: 'events_missing', path: `${division}.events`, message: 'The division has no "events" array.' });
  const { days, errors } = parseEvents(part.events, division);
  if (errors.length > 0) return failWith(...errors);
  if (days.length === 0) return failWith({ code: 'no_events', path: `${division}.events`, message: 'The division lists no holidays.' });
  days.sort((a, b) => a.date.localeCompare(b.date));
  const years = new Set(days.map((d) => Number(d.date.slice(0, 4))));
  const fromYear = Number(days[0]!.date.slice(0, 4));
  const toYear = Number(days[days.length - 1]!.date.slice(0, 4));
  // Every year has bank holidays; a year with none inside the range means the feed is incomplete.
  const gaps: HolidayFeedError[] = [];
  for (let y = fromYear; y <= toYear; y++) {
    if (!years.has(y)) gaps.push({ code: 'year_missing', path: `${division}.events`, message: `The feed lists no holidays in ${y}.` });
  }
  if (gaps.length > 0) return failWith(...gaps);
  return { ok: true, value: { name: DIVISION_NAMES[division], fromYear, toYear, days } };
}
