import { describe, expect, it } from 'vitest';
import { backoffMs, retryAfterMs, retryPolicy } from './retry-policy';

const NOW = Date.parse('2026-03-02T10:00:00Z');

describe('retryAfterMs', () => {
  it.each(['Retry-After', 'RETRY-AFTER', 'retry-after', 'rEtRy-AfTeR'])('reads %s from a plain record', (name) => {
    expect(retryAfterMs({ [name]: '2' }, NOW)).toBe(2000);
  });

  it('reads it from fetch Headers and from header tuples', () => {
    expect(retryAfterMs(new Headers({ 'RETRY-AFTER': '3' }), NOW)).toBe(3000);
    expect(retryAfterMs([['Retry-After', '4']], NOW)).toBe(4000);
  });

  it('reads a fake Headers whose get() is case-sensitive', () => {
    const entries: [string, string][] = [['RETRY-AFTER', '5']];
    const fake = {
      get: (name: string) => entries.find(([k]) => k === name)?.[1] ?? null,
      forEach: (fn: (value: string, key: string) => void) => entries.forEach(([k, v]) => fn(v, k)),
    } as unknown as Headers;
    expect(retryAfterMs(fake, NOW)).toBe(5000);
  });

  it('reads the HTTP-date form relative to now', () => {
    expect(retryAfterMs({ 'Retry-After': 'Mon, 02 Mar 2026 10:00:07 GMT' }, NOW)).toBe(7000);
    expect(retryAfterMs({ 'Retry-After': 'Mon, 02 Mar 2026 09:00:00 GMT' }, NOW)).toBe(0);
  });

  it('ignores an absent or unreadable value', () => {
    expect(retryAfterMs({}, NOW)).toBeUndefined();
    expect(retryAfterMs({ 'Retry-After': 'soon' }, NOW)).toBeUndefined();
    expect(retryAfterMs(undefined, NOW)).toBeUndefined();
  });

  it('accepts fractional seconds', () => {
    expect(retryAfterMs({ 'retry-after': '0.5' }, NOW)).toBe(500);
  });
});

describe('backoffMs', () => {
  const policy = { baseDelayMs: 500, maxDelayMs: 8000 };

  it('doubles per try between half and all of the step', () => {
    for (const [nextTry, step] of [
      [2, 500],
      [3, 1000],
      [4, 2000],
      [5, 4000],
    ] as const) {
      expect(backoffMs(nextTry, { ...policy, random: () => 0 })).toBe(step / 2);
      expect(backoffMs(nextTry, { ...policy, random: () => 0.999999 })).toBeLessThanOrEqual(step);
      expect(backoffMs(nextTry, { ...policy, random: () => 0.999999 })).toBeGreaterThan(step * 0.99);
    }
  });

  it('never exceeds the cap however many tries', () => {
    for (let n = 2; n < 40; n += 1) expect(backoffMs(n, { ...policy, random: () => 1 })).toBeLessThanOrEqual(8000);
  });

  it('clamps a jitter source that strays outside [0, 1)', () => {
    expect(backoffMs(2, { ...policy, random: () => -5 })).toBe(250);
    expect(backoffMs(2, { ...policy, random: () => 7 })).toBe(500);
  });
});

describe('retryPolicy', () => {
  it('refuses nonsense bounds', () => {
    expect(() => retryPolicy({ maxTries: 0 })).toThrow(RangeError);
    expect(() => retryPolicy({ maxTries: 1.5 })).toThrow(RangeError);
    expect(() => retryPolicy({ maxTotalWaitMs: -1 })).toThrow(RangeError);
  });
});
