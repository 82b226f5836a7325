import { describe, expect, it } from 'vitest';
import { E_DEF, local } from '../../domain/calendar/testing';
import { HistoryBuilder, calendars, hours, olaAgreement, slaPolicy, targets } from '../../domain/sla/testing';
import type { Ticket } from '../../domain/tickets/types';
import { clocksOf, fullClocks, listClocks, requesterClocks, slaSummary, storedDueDates } from './clock-view';
import type { SlaSnapshot } from './runtime';

const cals = calendars(E_DEF);
const sla = slaPolicy('E', targets({ response: hours(4), resolution: hours(10) }));
const ola = olaAgreement('G1', 'E', targets({ response: hours(1), resolution: hours(4) }));
const snapshot = { context: (now: number) => ({ calendars: cals, slaPolicies: [sla], olaAgreements: [ola], now }) } as unknown as SlaSnapshot;
const asTicket = (b: HistoryBuilder): Ticket => ({ ...b.subject(), number: 'INC-1' }) as unknown as Ticket;
const outcome = (b: HistoryBuilder, at: string) => clocksOf(snapshot, asTicket(b), local(at));

describe('clock views', () => {
  it('stores the due time of open customer clocks only: null once met, null while paused', () => {
    const b = new HistoryBuilder(local('2025-01-13 17:00'), { priority: 3, group: 'G1' });
    expect(storedDueDates(outcome(b, '2025-01-13 17:30'))).toEqual({ responseDueAt: '2025-01-14T11:00:00.000Z', resolutionDueAt: '2025-01-14T17:00:00.000Z' });
    b.take(local('2025-01-14 08:30')).hold(local('2025-01-14 09:00'), 'AwaitingCaller');
    expect(storedDueDates(outcome(b, '2025-01-14 10:00'))).toEqual({ responseDueAt: null, resolutionDueAt: null });
  });

  it('names clocks for warning keys, shows the caller no timeline, and summarises the clock that matters now', () => {
    const b = new HistoryBuilder(local('2025-01-13 09:00'), { priority: 3, group: 'G1' }).take(local('2025-01-13 09:30')).hold(local('2025-01-13 10:00'), 'AwaitingCaller');
    const o = outcome(b, '2025-01-13 12:00');
    expect(o.ok && listClocks(o.value).map((c) => c.id)).toEqual(['sla:response', 'sla:resolution', `ola:G1@${local('2025-01-13 09:00')}:response`, `ola:G1@${local('2025-01-13 09:00')}:resolution`]);
    const mine = requesterClocks(asTicket(b), o, local('2025-01-13 12:00'));
    expect(mine.clocks.map((c) => [c.kind, c.state, c.waitingForYou])).toEqual([['response', 'met', false], ['resolution', 'paused', true]]);
    expect(JSON.stringify(mine)).not.toMatch(/segments|elapsed|ola/i);
    expect(fullClocks('INC-1', o, 0).clocks[1]!.segments.map((s) => s.kind)).toEqual(['running', 'paused']);
    expect(slaSummary(asTicket(b), o)).toEqual({ current: { kind: 'resolution', state: 'paused', dueAt: null, remainingMs: 9 * 3_600_000, percentElapsed: 10, measure: 'business' }, waitingForCaller: true, problem: null });
  });
});
