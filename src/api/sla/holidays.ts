// Bank holiday sets by gov.uk division: England and Wales built in, any division refreshed from the gov.uk JSON
// file an admin loads (no internet is assumed). A refresh replaces the years it covers and keeps the others.
import { ENGLAND_AND_WALES_BANK_HOLIDAYS, mergeHolidaySets } from '../../domain/calendar/holiday-sets';
import type { GovUkDivision } from '../../domain/calendar/govuk-bank-holidays';
import { parseGovUkBankHolidays } from '../../domain/calendar/govuk-bank-holidays';
import type { DatedDay, HolidaySet } from '../../domain/calendar/types';
import type { ConfigurationRecord } from '../../data/mappers/configuration';
import { ApiError } from '../http/api-error';

export const holidayConfigKey = (division: GovUkDivision): string => `holidays:${division}`;

export interface KnownHolidaySet {
  readonly division: GovUkDivision;
  readonly set: HolidaySet;
  readonly source: 'built-in' | 'gov.uk';
  readonly updatedAt: string | null;
  readonly updatedByName: string | null;
}

const isDay = (v: unknown): v is DatedDay =>
  typeof v === 'object' && v !== null && typeof (v as DatedDay).date === 'string' && typeof (v as DatedDay).title === 'string';

function storedSet(value: unknown): HolidaySet | null {
  const v = value as Partial<HolidaySet> | null;
  if (!v || typeof v.name !== 'string' || !Number.isInteger(v.fromYear) || !Number.isInteger(v.toYear) || !Array.isArray(v.days) || !v.days.every(isDay)) return null;
  return { name: v.name, fromYear: v.fromYear!, toYear: v.toYear!, days: v.days };
}

/** The set in force for a division: the last refresh, else the built-in data (England and Wales only), else null. */
export function knownHolidaySet(division: GovUkDivision, stored: ConfigurationRecord | null): KnownHolidaySet | null {
  const set = stored ? storedSet(stored.value) : null;
  if (set) return { division, set, source: 'gov.uk', updatedAt: stored!.updatedAt, updatedByName: stored!.updatedByName };
  if (division === 'england-and-wales') return { division, set: ENGLAND_AND_WALES_BANK_HOLIDAYS, source: 'built-in', updatedAt: null, updatedByName: null };
  return null;
}

/** The Configuration list's Value column holds at most this much JSON. */
const VALUE_LIMIT = 20_000;

/** Parses the gov.uk file and merges it into what is known; 400 with the file's own paths as fields when it is wrong. */
export function refreshedHolidaySet(feed: unknown, division: GovUkDivision, current: KnownHolidaySet | null): HolidaySet {
  const parsed = parseGovUkBankHolidays(feed, division);
  if (!parsed.ok) {
    const details = parsed.errors.map((e) => ({ field: e.path ? `feed.${e.path}` : 'feed', message: e.message }));
    throw new ApiError(400, 'validation', `The bank holiday file was not loaded: ${parsed.errors[0]!.message}`, details);
  }
  const newer = parsed.value;
  const merged = current ? mergeHolidaySets(current.set, newer) : newer;
  if (!merged) {
    const message = `The file covers ${newer.fromYear} to ${newer.toYear}, which leaves a gap after the years already known (${current!.set.fromYear} to ${current!.set.toYear}).`;
    throw new ApiError(400, 'validation', message, [{ field: 'feed', message }]);
  }
  if (JSON.stringify(merged).length > VALUE_LIMIT) {
    throw new ApiError(400, 'validation', 'The merged holiday list is too long to store; load a file with fewer years.', [{ field: 'feed', message: 'Too many days.' }]);
  }
  return merged;
}
