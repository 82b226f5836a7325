// The calendar cases of issue 6, with exactly the values, and their neighbours.
import { describe, expect, it } from 'vitest';
import { addBusinessTime, businessTimeBetween } from './business-time';
import { addBusinessDays, addCalendarDays } from './days';
import { HOUR_MS, MINUTE_MS } from './civil-date';
import { local, newCalendar24x7, newCalendarD, newCalendarE, showLocal, utc, value } from './testing';

const E = newCalendarE();
const D = newCalendarD();
const H24 = newCalendar24x7();

describe('issue 6 cases (calendar)', () => {
  it('1. E, 4 business hours from Monday 17:00 is due Tuesday 11:00', () => {
    expect(showLocal(value(addBusinessTime(E, local('2025-01-13 17:00'), 4 * HOUR_MS)))).toBe('2025-01-14 11:00');
  });

  it('2. E, 4 business hours from Friday 17:00 is due Monday 11:00', () => {
    expect(showLocal(value(addBusinessTime(E, local('2025-01-17 17:00'), 4 * HOUR_MS)))).toBe('2025-01-20 11:00');
  });

  it('4. E, Saturday 10:00 to Monday 09:30 is 1 hour 30 minutes of business time', () => {
    expect(value(businessTimeBetween(E, local('2025-01-18 10:00'), local('2025-01-20 09:30')))).toBe(90 * MINUTE_MS);
  });

  it('6. 24x7 across both DST changes: 4 real hours', () => {
    const spring = value(addBusinessTime(H24, Date.parse('2024-03-31T00:30:00Z'), 4 * HOUR_MS));
    expect(utc(spring)).toBe('2024-03-31T04:30:00.000Z');
    expect(showLocal(spring)).toBe('2024-03-31 05:30');
    const autumnStart = local('2024-10-27 00:30');
    expect(utc(autumnStart)).toBe('2024-10-26T23:30:00.000Z');
    const autumn = value(addBusinessTime(H24, autumnStart, 4 * HOUR_MS));
    expect(utc(autumn)).toBe('2024-10-27T03:30:00.000Z');
    expect(showLocal(autumn)).toBe('2024-10-27 03:30');
  });

  it('7. D, Friday 2025-03-28 16:00 plus 8 business hours is Monday 2025-03-31 16:00 BST', () => {
    const due = value(addBusinessTime(D, local('2025-03-28 16:00'), 8 * HOUR_MS));
    expect(utc(due)).toBe('2025-03-31T15:00:00.000Z');
  });

  it('8. D, Wednesday 2025-12-24 16:00 plus 8 business hours is Monday 2025-12-29 16:00', () => {
    const due = value(addBusinessTime(D, local('2025-12-24 16:00'), 8 * HOUR_MS));
    expect(utc(due)).toBe('2025-12-29T16:00:00.000Z');
  });

  it('9. Wednesday 2024-10-23 18:00 plus 7 calendar days is Wednesday 2024-10-30 18:00 GMT', () => {
    const due = value(addCalendarDays(D, local('2024-10-23 18:00'), 7));
    expect(utc(due)).toBe('2024-10-30T18:00:00.000Z');
    expect(due - local('2024-10-23 18:00')).toBe(7 * 24 * HOUR_MS + HOUR_MS); // the autumn night is 25 hours
  });
});

describe('neighbours of the issue cases', () => {
  it('7, the other DST direction: Friday 2025-10-24 16:00 plus 8 hours is Monday 2025-10-27 16:00 GMT', () => {
    expect(utc(value(addBusinessTime(D, local('2025-10-24 16:00'), 8 * HOUR_MS)))).toBe('2025-10-27T16:00:00.000Z');
  });

  it('9, the other DST direction: 7 calendar days over the spring change keep 18:00 local (167 real hours)', () => {
    const start = local('2024-03-27 18:00');
    const due = value(addCalendarDays(D, start, 7));
    expect(utc(due)).toBe('2024-04-03T17:00:00.000Z');
    expect(due - start).toBe(167 * HOUR_MS);
  });

  it('a target that ends exactly at closing time is due at closing time, not next morning', () => {
    expect(showLocal(value(addBusinessTime(E, local('2025-01-13 14:00'), 4 * HOUR_MS)))).toBe('2025-01-13 18:00');
  });

  it('a ticket raised on a bank holiday starts counting the next working morning', () => {
    expect(showLocal(value(addBusinessTime(D, local('2025-05-05 10:00'), 2 * HOUR_MS)))).toBe('2025-05-06 11:00');
    expect(value(businessTimeBetween(D, local('2025-05-05 10:00'), local('2025-05-06 10:00')))).toBe(HOUR_MS);
  });

  it('Easter: Thursday 16:30 plus 1 hour skips Good Friday and Easter Monday', () => {
    expect(showLocal(value(addBusinessTime(D, local('2025-04-17 16:30'), HOUR_MS)))).toBe('2025-04-22 09:30');
  });

  it('one-off and substitute days are not worked: 2022-09-19, 2023-05-08, 2026-12-28', () => {
    expect(showLocal(value(addBusinessTime(D, local('2022-09-16 16:00'), 2 * HOUR_MS)))).toBe('2022-09-20 10:00');
    expect(showLocal(value(addBusinessTime(D, local('2023-05-05 16:00'), 2 * HOUR_MS)))).toBe('2023-05-09 10:00');
    expect(showLocal(value(addBusinessTime(D, local('2026-12-24 16:00'), 2 * HOUR_MS)))).toBe('2026-12-29 10:00');
  });

  it('the last covered year still answers: 2030-12-24 16:00 plus 2 hours is 2030-12-27 10:00', () => {
    expect(showLocal(value(addBusinessTime(D, local('2030-12-24 16:00'), 2 * HOUR_MS)))).toBe('2030-12-27 10:00');
  });

  it('business days over Easter: from Thursday 2025-04-17 10:00, 1 day is Tuesday 22nd, 3 days Thursday 24th, 10:00', () => {
    expect(showLocal(value(addBusinessDays(D, local('2025-04-17 10:00'), 1)))).toBe('2025-04-22 10:00');
    expect(showLocal(value(addBusinessDays(D, local('2025-04-17 10:00'), 3)))).toBe('2025-04-24 10:00');
  });

  it('24x7 counts bank holidays and weekends as working time', () => {
    expect(value(businessTimeBetween(H24, local('2025-12-24 00:00'), local('2025-12-27 00:00')))).toBe(72 * HOUR_MS);
  });
});
