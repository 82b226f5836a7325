import { describe, expect, it } from 'vitest';
import { E_DEF, D_DEF, local, showLocal } from '../calendar/testing';
import { computeTicketClocks } from './ticket-clocks';
import type { Clock, SlaPolicy } from './types';
import { nextWarning, warningKey, warningsDue } from './warnings';
import { HistoryBuilder, calendarDays, calendars, context, hours, slaPolicy, targets } from './testing';

const CALS = calendars(E_DEF, D_DEF);

function resolutionClock(b: HistoryBuilder, policy: SlaPolicy, now: number): Clock {
  const r = computeTicketClocks(b.subject(), context(CALS, [policy], [], now));
  if (!r.ok) throw new Error(r.errors[0]!.message);
  return r.value.sla!.resolution!;
}

describe('breach warnings', () => {
  const policy = slaPolicy('E', targets({ response: null, resolution: hours(4) }));

  it('says which thresholds are due and when the next fires', () => {
    const c = resolutionClock(new HistoryBuilder(local('2025-01-13 17:00'), { priority: 3 }), policy, local('2025-01-14 09:30'));
    expect(warningsDue(c, local('2025-01-14 09:30')).map((w) => w.percent)).toEqual([50]);
    const next = nextWarning(c, local('2025-01-14 09:30'));
    expect([next?.percent, showLocal(next!.firesAt)]).toEqual([75, '2025-01-14 10:00']);
    expect(warningsDue(c, local('2025-01-14 11:00')).map((w) => w.percent)).toEqual([50, 75, 100]);
  });

  it('a met clock warns no more; a paused clock has no instant for thresholds not yet reached', () => {
    const met = resolutionClock(new HistoryBuilder(local('2025-01-13 09:00'), { priority: 3 }).resolve(local('2025-01-13 12:00')), policy, local('2025-01-14 09:00'));
    expect(warningsDue(met, local('2025-01-14 09:00'))).toEqual([]);
    expect(nextWarning(met, local('2025-01-14 09:00'))).toBeNull();
    const paused = resolutionClock(new HistoryBuilder(local('2025-01-13 09:00'), { priority: 3 }).hold(local('2025-01-13 11:30'), 'AwaitingCaller'), policy, local('2025-01-13 15:00'));
    expect(paused.thresholds.map((t) => (t.firesAt === null ? null : showLocal(t.firesAt)))).toEqual(['2025-01-13 11:00', null, null]);
    expect(warningsDue(paused, local('2025-01-13 15:00')).map((w) => w.percent)).toEqual([50]);
  });

  it('uses the policy thresholds, and keeps calendar-day warnings inside working hours when asked', () => {
    const days = slaPolicy('D', targets({ response: null, resolution: calendarDays(2) }), { warningThresholds: [25, 90], warnOnlyInWorkingHours: true });
    const c = resolutionClock(new HistoryBuilder(local('2025-01-13 12:00'), { priority: 3 }), days, local('2025-01-13 12:30'));
    // 25 % of 48 h is Monday 24:00 -> Tuesday 09:00; 90 % is Wednesday 07:12 -> 09:00.
    expect(c.thresholds.map((t) => [t.percent, showLocal(t.firesAt!)])).toEqual([[25, '2025-01-14 09:00'], [90, '2025-01-15 09:00']]);
  });

  it('gives stable keys for sending each warning once', () => {
    expect(warningKey('INC-1', 'sla:resolution', 75)).toBe('INC-1:sla:resolution:75');
  });
});
