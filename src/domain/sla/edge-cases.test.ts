// Errors with stable codes, and histories that are empty, malformed, out of order or very long.
import { describe, expect, it } from 'vitest';
import { HOUR_MS, MINUTE_MS } from '../calendar/civil-date';
import { twentyFourSevenCalendar } from '../calendar/standard-calendars';
import { D_DEF, E_DEF, local } from '../calendar/testing';
import { computeTicketClocks } from './ticket-clocks';
import type { ClockResult } from './errors';
import { HistoryBuilder, calendars, context, hours, slaPolicy, targets } from './testing';

const CALS = calendars(E_DEF, D_DEF, twentyFourSevenCalendar('24x7', 'Europe/London'));
const SLA_D = slaPolicy('D', targets({ response: hours(1), resolution: hours(8) }));
const SLA_E = slaPolicy('E', targets({ response: hours(1), resolution: hours(8) }));

const errorOf = <T>(r: ClockResult<T>): unknown => (r.ok ? 'ok' : { code: r.errors[0]!.code, year: r.errors[0]!.year, field: r.errors[0]!.field });

describe('clock errors', () => {
  it('outside the covered holiday years the clocks say so, with the year', () => {
    const s = new HistoryBuilder(local('2031-01-06 10:00'), { priority: 3, group: 'G1' }).subject();
    expect(errorOf(computeTicketClocks(s, context(CALS, [SLA_D], [], local('2031-01-06 11:00'))))).toEqual({ code: 'no_holiday_data', year: 2031, field: undefined });
  });

  it('a clock that runs into an uncovered year fails rather than counting bank holidays as working days', () => {
    const s = new HistoryBuilder(local('2030-12-31 16:00'), { priority: 3, group: 'G1' }).subject();
    expect(errorOf(computeTicketClocks(s, context(CALS, [SLA_D], [], local('2030-12-31 16:30'))))).toEqual({ code: 'no_holiday_data', year: 2031, field: undefined });
  });

  it('an empty history is refused with history_empty', () => {
    const s = { ...new HistoryBuilder(local('2025-01-13 09:00'), { priority: 3 }).subject(), history: [] };
    expect(errorOf(computeTicketClocks(s, context(CALS, [SLA_E], [], local('2025-01-13 10:00'))))).toEqual({ code: 'history_empty', year: undefined, field: 'history' });
  });

  it('a malformed entry is refused with history_invalid and its index', () => {
    const s = new HistoryBuilder(local('2025-01-13 09:00'), { priority: 3 }).subject();
    const bad = { ...s, history: [...s.history, { ...s.history[0]!, at: 'yesterday' }] };
    expect(errorOf(computeTicketClocks(bad, context(CALS, [SLA_E], [], local('2025-01-13 10:00'))))).toEqual({ code: 'history_invalid', year: undefined, field: 'history[1]' });
    const badState = new HistoryBuilder(local('2025-01-13 09:00'), { priority: 3 }).write(local('2025-01-13 09:10'), 'x', { state: 'Sleeping' }).subject();
    expect(errorOf(computeTicketClocks(badState, context(CALS, [SLA_E], [], local('2025-01-13 10:00'))))).toEqual({ code: 'history_invalid', year: undefined, field: 'history[1]' });
  });

  it('a policy on a calendar that is not configured fails with calendar_missing', () => {
    const s = new HistoryBuilder(local('2025-01-13 09:00'), { priority: 3 }).subject();
    const r = computeTicketClocks(s, context(CALS, [slaPolicy('nope', targets({ response: null, resolution: hours(1) }))], [], local('2025-01-13 10:00')));
    expect(r.ok ? 'ok' : [r.errors[0]!.code, r.errors[0]!.calendarId]).toEqual(['calendar_missing', 'nope']);
  });

  it('no policy in force gives no SLA clocks; a clock cannot start after now', () => {
    const s = new HistoryBuilder(local('2025-01-13 09:00'), { priority: 3 }).subject();
    const none = computeTicketClocks(s, context(CALS, [], [], local('2025-01-13 10:00')));
    expect(none.ok && none.value.sla).toBeNull();
    const early = computeTicketClocks(s, context(CALS, [SLA_E], [], local('2025-01-13 08:00')));
    expect(early.ok && early.value.sla).toEqual({ policyId: 'sla-default', policyVersion: 1, response: null, resolution: null });
  });
});

describe('history shapes', () => {
  it('entries out of order are sorted by time', () => {
    const s = new HistoryBuilder(local('2025-01-13 09:00'), { priority: 3, group: 'G1' })
      .hold(local('2025-01-13 10:00'), 'AwaitingCaller')
      .resume(local('2025-01-13 11:00'))
      .subject();
    const shuffled = { ...s, history: [s.history[2]!, s.history[0]!, s.history[1]!] };
    const a = computeTicketClocks(s, context(CALS, [SLA_E], [], local('2025-01-13 12:00')));
    const b = computeTicketClocks(shuffled, context(CALS, [SLA_E], [], local('2025-01-13 12:00')));
    expect(b).toEqual(a);
    expect(a.ok && a.value.sla!.resolution!.pausedMs).toBe(HOUR_MS);
  });

  it('a huge history (20,000 entries) computes exactly and quickly', () => {
    const policy = slaPolicy('24x7', targets({ response: null, resolution: { unit: 'businessMinutes', value: 60 * 24 * 365 } }));
    const start = Date.parse('2025-01-01T00:00:00Z');
    const b = new HistoryBuilder(start, { priority: 3, group: 'G1' });
    for (let i = 0; i < 10_000; i++) {
      b.hold(start + (2 * i + 1) * MINUTE_MS, i % 2 ? 'AwaitingCaller' : 'AwaitingSupplier');
      b.resume(start + (2 * i + 2) * MINUTE_MS);
    }
    const t0 = performance.now();
    const r = computeTicketClocks(b.subject(), context(CALS, [policy], [], start + 30_000 * MINUTE_MS));
    const took = performance.now() - t0;
    const c = r.ok ? r.value.sla!.resolution! : null;
    expect([c?.elapsedMs, c?.pausedMs, c?.segments.length]).toEqual([20_000 * MINUTE_MS, 10_000 * MINUTE_MS, 20_001]);
    expect(took).toBeLessThan(2_000);
  });

  it('the ticket fields fill in values that no entry recorded (imported tickets)', () => {
    const base = new HistoryBuilder(local('2025-01-13 09:00'), { priority: 3 }).subject();
    const imported = { ...base, priority: 2 as const, history: [{ ...base.history[0]!, action: 'import', changes: [] }] };
    const r = computeTicketClocks(imported, context(CALS, [slaPolicy('E', targets({ response: null, resolution: hours(8) }, { 2: { response: null, resolution: hours(2) } }))], [], local('2025-01-13 10:00')));
    expect(r.ok && [r.value.sla!.resolution!.priority, r.value.sla!.resolution!.targetMs]).toEqual([2, 2 * HOUR_MS]);
  });
});
