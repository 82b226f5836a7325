// Ranges of years: whole days are summed per 256-day block, so check them against a plain count of days.
import { describe, expect, it } from 'vitest';
import { addBusinessTime, businessTimeBetween } from './business-time';
import { HOUR_MS } from './civil-date';
import { ENGLAND_AND_WALES_BANK_HOLIDAY_DAYS } from './england-wales-bank-holidays';
import { local, newCalendarD, showLocal, value } from './testing';

const D = newCalendarD();
const holidays = new Set(ENGLAND_AND_WALES_BANK_HOLIDAY_DAYS.map((d) => d.date));

/** Working days of calendar D from `from` (inclusive) to `to` (exclusive), counted one date at a time. */
function workingDays(from: string, to: string): number {
  let n = 0;
  for (let t = Date.parse(`${from}T00:00:00Z`); t < Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    const d = new Date(t);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !holidays.has(d.toISOString().slice(0, 10))) n++;
  }
  return n;
}

describe('long ranges', () => {
  it('counts every working hour of 2016 to 2030 on calendar D', () => {
    const total = value(businessTimeBetween(D, local('2016-01-01 00:00'), local('2031-01-01 00:00')));
    expect(total).toBe(workingDays('2016-01-01', '2031-01-01') * 8 * HOUR_MS);
    expect(workingDays('2016-01-01', '2031-01-01')).toBe(3913 - 123);
  });

  it('partial first and last days are added to the whole days between', () => {
    const total = value(businessTimeBetween(D, local('2020-03-02 15:30'), local('2027-11-30 10:15')));
    expect(total).toBe((workingDays('2020-03-03', '2027-11-30') * 8 + 1.5 + 1.25) * HOUR_MS);
  });

  it('adds years of business time (date checked by a separate day-by-day count) and comes back by measuring it', () => {
    const start = local('2017-06-05 11:00');
    const due = value(addBusinessTime(D, start, 10_000 * HOUR_MS));
    expect(value(businessTimeBetween(D, start, due))).toBe(10_000 * HOUR_MS);
    expect(showLocal(due)).toBe('2022-05-13 11:00');
  });

  it('a long range that crosses into an uncovered year fails with no_holiday_data', () => {
    const r = businessTimeBetween(D, local('2029-05-01 10:00'), local('2031-02-01 10:00'));
    expect(r.ok ? 'ok' : [r.errors[0]!.code, r.errors[0]!.year]).toEqual(['no_holiday_data', 2031]);
  });
});
