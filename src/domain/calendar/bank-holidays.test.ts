import { describe, expect, it } from 'vitest';
import { ENGLAND_AND_WALES_BANK_HOLIDAY_DAYS } from './england-wales-bank-holidays';
import { ENGLAND_AND_WALES_BANK_HOLIDAYS, mergeHolidaySets } from './holiday-sets';
import { parseIsoDate, weekdayOfDayNumber } from './civil-date';

const dates = ENGLAND_AND_WALES_BANK_HOLIDAY_DAYS.map((d) => d.date);

describe('England and Wales bank holidays data', () => {
  it('covers 2016 to 2030', () => {
    expect([ENGLAND_AND_WALES_BANK_HOLIDAYS.fromYear, ENGLAND_AND_WALES_BANK_HOLIDAYS.toYear]).toEqual([2016, 2030]);
    expect(dates[0]).toBe('2016-01-01');
    expect(dates[dates.length - 1]).toBe('2030-12-26');
  });

  it('has the one-off days and the 2026 substitute day', () => {
    expect(ENGLAND_AND_WALES_BANK_HOLIDAY_DAYS.filter((d) => ['2020-05-08', '2022-06-03', '2022-09-19', '2023-05-08', '2026-12-28'].includes(d.date))).toEqual([
      { date: '2020-05-08', title: 'Early May bank holiday (VE day)' },
      { date: '2022-06-03', title: 'Queen’s Platinum Jubilee' },
      { date: '2022-09-19', title: "Queen Elizabeth's Funeral Day" },
      { date: '2023-05-08', title: "King Charles III's Coronation" },
      { date: '2026-12-28', title: 'Boxing Day (substitute day)' },
    ]);
  });

  it('matches the gov.uk England and Wales list for 2022 and 2027', () => {
    expect(dates.filter((d) => d.startsWith('2022'))).toEqual([
      '2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29', '2022-09-19', '2022-12-26', '2022-12-27',
    ]);
    expect(dates.filter((d) => d.startsWith('2027'))).toEqual([
      '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28',
    ]);
  });

  it('lists only weekdays, sorted, without duplicates, and at least 8 a year', () => {
    for (const d of dates) expect(weekdayOfDayNumber(parseIsoDate(d)!)).toBeLessThanOrEqual(5);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
    for (let y = 2016; y <= 2030; y++) expect(dates.filter((d) => d.startsWith(String(y))).length).toBeGreaterThanOrEqual(8);
  });
});

describe('mergeHolidaySets', () => {
  const newer = { name: 'gov.uk', fromYear: 2030, toYear: 2031, days: [{ date: '2030-01-01', title: 'NY' }, { date: '2031-01-01', title: 'NY' }] };

  it('lets the newer set replace the years it covers and extends coverage', () => {
    const merged = mergeHolidaySets(ENGLAND_AND_WALES_BANK_HOLIDAYS, newer)!;
    expect([merged.fromYear, merged.toYear]).toEqual([2016, 2031]);
    expect(merged.days.filter((d) => d.date >= '2030')).toEqual(newer.days);
    expect(merged.days.filter((d) => d.date.startsWith('2029')).length).toBe(8);
  });

  it('refuses sets whose years leave a hole', () => {
    expect(mergeHolidaySets(ENGLAND_AND_WALES_BANK_HOLIDAYS, { ...newer, fromYear: 2032, toYear: 2032, days: [] })).toBeNull();
  });
});
