import { describe, expect, it } from 'vitest';
import { formatDuration } from './kpi-format';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('durations in KPI figures', () => {
  it('never shows a unit at its full count after rounding (3 d 24 h, 1 h 60 min)', () => {
    expect(formatDuration(344_040_000)).toBe('4 d'); // 3 d 23 h 34 min: the value that read "3 d 24 h"
    expect(formatDuration(3 * DAY + 23 * HOUR + 29 * MIN)).toBe('3 d 23 h');
    expect(formatDuration(HOUR + 59 * MIN + 40_000)).toBe('2 h');
    expect(formatDuration(59 * MIN + 40_000)).toBe('1 h');
    expect(formatDuration(DAY - 20_000)).toBe('1 d');
  });

  it('writes minutes, hours and minutes, or days and hours', () => {
    expect([0, 45 * MIN, 2 * HOUR + 10 * MIN, 3 * HOUR, DAY, 2 * DAY + 5 * HOUR].map(formatDuration)).toEqual(['0 min', '45 min', '2 h 10 min', '3 h', '1 d', '2 d 5 h']);
  });
});

describe('the population line under a figure', () => {
  it('names both backlogs for backlog growth, so the numbers shown add up (611 at the end, 454 at the start: +157)', async () => {
    const { populationLine } = await import('./kpi-format');
    expect(populationLine({ populationText: 'Tickets open at the end of the period but not at its start, and at its start but not at its end', populationSize: 611, atStart: 454 })).toBe('Backlog at the end of the period: 611; at its start: 454');
    expect(populationLine({ populationText: 'Tickets opened in the period', populationSize: 42 })).toBe('Tickets opened in the period: 42');
  });
});
