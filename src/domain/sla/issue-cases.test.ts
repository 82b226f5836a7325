// The SLA/OLA cases of issue 6 with exactly the values. Calendar E: Mon-Fri 08:00-18:00 Europe/London.
import { describe, expect, it } from 'vitest';
import { HOUR_MS, MINUTE_MS } from '../calendar/civil-date';
import { twentyFourSevenCalendar } from '../calendar/standard-calendars';
import { E_DEF, local, showLocal, utc } from '../calendar/testing';
import { computeTicketClocks } from './ticket-clocks';
import type { ClockContext } from './ticket-clocks';
import type { TicketClocks } from './types';
import { warningsDue } from './warnings';
import { HistoryBuilder, calendars, context, hours, olaAgreement, slaPolicy, targets } from './testing';
import type { ClockSubject } from './history-replay';

const CALS = calendars(E_DEF, twentyFourSevenCalendar('24x7', 'Europe/London'));

function clocks(subject: ClockSubject, ctx: ClockContext): TicketClocks {
  const r = computeTicketClocks(subject, ctx);
  if (!r.ok) throw new Error(r.errors[0]!.message);
  return r.value;
}

describe('issue 6 cases (clocks)', () => {
  it('1. E, 4 business hours from Monday 17:00: due Tuesday 11:00, 50 % at 09:00, 75 % at 10:00', () => {
    const sla = slaPolicy('E', targets({ response: null, resolution: hours(4) }));
    const subject = new HistoryBuilder(local('2025-01-13 17:00'), { priority: 3, group: 'G1' }).subject();
    const c = clocks(subject, context(CALS, [sla], [], local('2025-01-13 17:30'))).sla!.resolution!;
    expect(showLocal(c.dueAt!)).toBe('2025-01-14 11:00');
    expect(c.thresholds.map((t) => [t.percent, showLocal(t.firesAt!)])).toEqual([
      [50, '2025-01-14 09:00'],
      [75, '2025-01-14 10:00'],
      [100, '2025-01-14 11:00'],
    ]);
    expect(warningsDue(c, local('2025-01-14 09:59')).map((w) => w.percent)).toEqual([50]);
    expect(warningsDue(c, local('2025-01-14 10:00')).map((w) => w.percent)).toEqual([50, 75]);
    expect(c.state).toBe('running');
    expect(c.elapsedMs).toBe(30 * MINUTE_MS);
  });

  it('2. E, 4 business hours from Friday 17:00: due Monday 11:00', () => {
    const sla = slaPolicy('E', targets({ response: null, resolution: hours(4) }));
    const subject = new HistoryBuilder(local('2025-01-17 17:00'), { priority: 3, group: 'G1' }).subject();
    const c = clocks(subject, context(CALS, [sla], [], local('2025-01-18 12:00'))).sla!.resolution!;
    expect(showLocal(c.dueAt!)).toBe('2025-01-20 11:00');
    expect(c.elapsedMs).toBe(HOUR_MS);
  });

  it('3. E, 10 business hours from Friday 09:00, on hold Friday 10:00 to Monday 10:00: due Tuesday 09:00', () => {
    const sla = slaPolicy('E', targets({ response: null, resolution: hours(10) }));
    const subject = new HistoryBuilder(local('2025-01-17 09:00'), { priority: 3, group: 'G1' })
      .hold(local('2025-01-17 10:00'), 'AwaitingCaller')
      .resume(local('2025-01-20 10:00'), 'Requester')
      .subject();
    const c = clocks(subject, context(CALS, [sla], [], local('2025-01-20 12:00'))).sla!.resolution!;
    expect(showLocal(c.dueAt!)).toBe('2025-01-21 09:00');
    expect(c.elapsedMs).toBe(3 * HOUR_MS);
    expect(c.pausedMs).toBe(10 * HOUR_MS);
    expect(c.percentElapsed).toBe(30);
    expect(c.segments.map((s) => [s.kind, s.reason, showLocal(s.from), showLocal(s.to), s.measuredMs / HOUR_MS])).toEqual([
      ['running', 'create', '2025-01-17 09:00', '2025-01-17 10:00', 1],
      ['paused', 'AwaitingCaller', '2025-01-17 10:00', '2025-01-20 10:00', 10],
      ['running', 'resume', '2025-01-20 10:00', '2025-01-20 12:00', 2],
    ]);
  });

  it('4. E, raised Saturday 10:00, resolved Monday 09:30: business resolution time 1 hour 30 minutes', () => {
    const sla = slaPolicy('E', targets({ response: null, resolution: hours(4) }));
    const subject = new HistoryBuilder(local('2025-01-18 10:00'), { priority: 3, group: 'G1' }).resolve(local('2025-01-20 09:30')).subject();
    const c = clocks(subject, context(CALS, [sla], [], local('2025-01-22 12:00'))).sla!.resolution!;
    expect(c.elapsedMs).toBe(90 * MINUTE_MS);
    expect(c.state).toBe('met');
    expect(showLocal(c.completedAt!)).toBe('2025-01-20 09:30');
    expect(c.completedBy).toBe('resolved');
  });

  it('5. OLA: G1 (2 h) from Monday 09:00, handed to G2 (1 h) at 10:30: G2 due 11:30, G1 held 1 h 30 and met, SLA unchanged', () => {
    const sla = slaPolicy('E', targets({ response: null, resolution: hours(8) }));
    const g1 = olaAgreement('G1', 'E', targets({ response: null, resolution: hours(2) }));
    const g2 = olaAgreement('G2', 'E', targets({ response: null, resolution: hours(1) }));
    const start = local('2025-01-13 09:00');
    const noHandover = new HistoryBuilder(start, { priority: 3, group: 'G1' }).subject();
    const withHandover = new HistoryBuilder(start, { priority: 3, group: 'G1' }).handover(local('2025-01-13 10:30'), 'G2').subject();
    const now = local('2025-01-13 10:45');
    const before = clocks(noHandover, context(CALS, [sla], [g1, g2], now));
    const after = clocks(withHandover, context(CALS, [sla], [g1, g2], now));
    const [s1, s2] = after.ola;
    expect(s1!.groupId).toBe('G1');
    expect(s1!.endedBy).toBe('handover');
    expect(s1!.resolution!.elapsedMs).toBe(90 * MINUTE_MS);
    expect(s1!.resolution!.state).toBe('met');
    expect(s1!.resolution!.completedBy).toBe('handover');
    expect(s2!.groupId).toBe('G2');
    expect(showLocal(s2!.assignedAt)).toBe('2025-01-13 10:30');
    expect(showLocal(s2!.resolution!.dueAt!)).toBe('2025-01-13 11:30');
    expect(s2!.resolution!.state).toBe('running');
    expect(after.sla).toEqual(before.sla);
    expect(showLocal(after.sla!.resolution!.dueAt!)).toBe('2025-01-13 17:00');
  });

  it('6. 24x7, 4 hours from 2024-03-31 00:30 GMT is 04:30 UTC, and from 2024-10-27 00:30 BST is 03:30 UTC', () => {
    const sla = slaPolicy('24x7', targets({ response: null, resolution: hours(4) }));
    const spring = new HistoryBuilder(Date.parse('2024-03-31T00:30:00Z'), { priority: 3 }).subject();
    const autumn = new HistoryBuilder(local('2024-10-27 00:30'), { priority: 3 }).subject();
    const now = Date.parse('2024-11-01T00:00:00Z');
    expect(utc(clocks(spring, context(CALS, [sla], [], now)).sla!.resolution!.dueAt!)).toBe('2024-03-31T04:30:00.000Z');
    expect(utc(clocks(autumn, context(CALS, [sla], [], now)).sla!.resolution!.dueAt!)).toBe('2024-10-27T03:30:00.000Z');
  });
});
