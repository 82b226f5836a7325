import { describe, expect, it } from 'vitest';
import { HOUR_MS } from './civil-date';
import { fromLocalMs, instantOfLocal, isValidTimeZone, localDateTimeOf, offsetAt } from './zone';
import { local, showLocal, utc } from './testing';

describe('zone conversion (never the process time zone)', () => {
  it('knows London offsets in winter and summer', () => {
    expect(offsetAt('Europe/London', Date.parse('2025-01-15T12:00:00Z'))).toBe(0);
    expect(offsetAt('Europe/London', Date.parse('2025-07-15T12:00:00Z'))).toBe(HOUR_MS);
  });

  it('knows southern-hemisphere and far-east zones', () => {
    expect(offsetAt('America/Santiago', Date.parse('2025-01-15T12:00:00Z'))).toBe(-3 * HOUR_MS);
    expect(offsetAt('America/Santiago', Date.parse('2025-07-15T12:00:00Z'))).toBe(-4 * HOUR_MS);
    expect(offsetAt('Pacific/Apia', Date.parse('2025-01-15T12:00:00Z'))).toBe(13 * HOUR_MS);
  });

  it('a skipped local time (spring forward) moves forward by the gap', () => {
    expect(utc(local('2024-03-31 01:30'))).toBe('2024-03-31T01:30:00.000Z');
    expect(showLocal(local('2024-03-31 01:30'))).toBe('2024-03-31 02:30');
  });

  it('a repeated local time (fall back) takes the earlier instant', () => {
    expect(utc(local('2024-10-27 01:30'))).toBe('2024-10-27T00:30:00.000Z');
  });

  it('Samoa skipped 2011-12-30 entirely: a time on that day moves to the 31st', () => {
    expect(showLocal(local('2011-12-30 12:00', 'Pacific/Apia'), 'Pacific/Apia')).toBe('2011-12-31 12:00');
  });

  it('round-trips local date-times', () => {
    const t = Date.parse('2025-03-30T00:59:00Z');
    expect(localDateTimeOf('Europe/London', t)).toEqual({ year: 2025, month: 3, day: 30, hour: 0, minute: 59 });
    expect(instantOfLocal('Europe/London', { year: 2025, month: 3, day: 30, hour: 0, minute: 59 })).toBe(t);
    expect(fromLocalMs('UTC', 0)).toBe(0);
  });

  it('validates zone names', () => {
    expect(isValidTimeZone('Europe/London')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});

describe('years 1 to 99 (supported years are 1 to 9999)', () => {
  it('are not read as 1900-1999', () => {
    expect(localDateTimeOf('UTC', Date.UTC(2050, 0, 1) - 146_097 * 5 * 86_400_000)).toEqual({ year: 50, month: 1, day: 1, hour: 0, minute: 0 });
    expect(utc(instantOfLocal('UTC', { year: 50, month: 6, day: 15, hour: 12, minute: 0 }))).toBe('0050-06-15T12:00:00.000Z');
  });
});
