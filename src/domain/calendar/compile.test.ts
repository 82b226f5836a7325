import { describe, expect, it } from 'vitest';
import { compileCalendar } from './compile';
import { D_DEF } from './testing';
import type { CalendarDefinition } from './types';

const codesAndFields = (def: CalendarDefinition): string[] => {
  const r = compileCalendar(def);
  return r.ok ? [] : r.errors.map((e) => `${e.code}@${e.field ?? ''}`);
};

describe('compileCalendar validation', () => {
  it('accepts calendars D and E shapes', () => {
    expect(compileCalendar(D_DEF).ok).toBe(true);
  });

  it('rejects an unknown time zone', () => {
    expect(codesAndFields({ ...D_DEF, timeZone: 'Europe/Atlantis' })).toEqual(['invalid_calendar@timeZone']);
  });

  it('rejects bad times, reversed ranges and overlaps', () => {
    const def: CalendarDefinition = {
      ...D_DEF,
      weeklyHours: {
        1: [{ start: '9:00', end: '17:00' }],
        2: [{ start: '17:00', end: '09:00' }],
        3: [{ start: '09:00', end: '13:00' }, { start: '12:00', end: '17:00' }],
        4: [{ start: '09:00', end: '24:30' }],
      },
    };
    expect(codesAndFields(def)).toEqual([
      'invalid_calendar@weeklyHours.1[0]',
      'invalid_calendar@weeklyHours.2[0]',
      'invalid_calendar@weeklyHours.3',
      'invalid_calendar@weeklyHours.4[0]',
    ]);
  });

  it('rejects a week without working time', () => {
    expect(codesAndFields({ ...D_DEF, weeklyHours: {} })).toEqual(['invalid_calendar@weeklyHours']);
  });

  it('rejects holiday dates outside the declared coverage and invalid closure dates', () => {
    const holidays = { name: 'x', fromYear: 2025, toYear: 2025, days: [{ date: '2026-01-01', title: 'New Year' }] };
    expect(codesAndFields({ ...D_DEF, holidays, closureDays: [{ date: '2025-13-01', title: 'bad' }] })).toEqual([
      'invalid_calendar@closureDays[0]',
      'invalid_calendar@holidays.days[0]',
    ]);
  });
});
