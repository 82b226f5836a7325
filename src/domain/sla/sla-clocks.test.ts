// Neighbours of the issue cases for the customer SLA: holidays, reopen, lunch, days, priority changes, pause rules.
import { describe, expect, it } from 'vitest';
import { HOUR_MS, MINUTE_MS } from '../calendar/civil-date';
import { mondayToFridayCalendar } from '../calendar/standard-calendars';
import { D_DEF, E_DEF, local, showLocal, utc } from '../calendar/testing';
import { computeTicketClocks, type ClockContext } from './ticket-clocks';
import type { ClockSubject } from './history-replay';
import type { SlaClocks } from './types';
import { HistoryBuilder, businessDays, calendarDays, calendars, context, hours, slaPolicy, targets } from './testing';

const LUNCH_DEF = mondayToFridayCalendar({ id: 'L', timeZone: 'Europe/London', ranges: [{ start: '09:00', end: '12:30' }, { start: '13:30', end: '17:30' }] });
const CALS = calendars(E_DEF, D_DEF, LUNCH_DEF);

function sla(subject: ClockSubject, ctx: ClockContext): SlaClocks {
  const r = computeTicketClocks(subject, ctx);
  if (!r.ok) throw new Error(r.errors[0]!.message);
  return r.value.sla!;
}

describe('resolution clock', () => {
  it('a pause over bank holidays excuses only working time: D, hold 24 Dec 11:00 to 29 Dec 10:00', () => {
    const policy = slaPolicy('D', targets({ response: null, resolution: hours(8) }));
    const s = new HistoryBuilder(local('2025-12-24 10:00'), { priority: 3, group: 'G1' })
      .hold(local('2025-12-24 11:00'), 'AwaitingSupplier')
      .resume(local('2025-12-29 10:00'))
      .subject();
    const c = sla(s, context(CALS, [policy], [], local('2025-12-29 11:00'))).resolution!;
    expect(c.pausedMs).toBe(7 * HOUR_MS);
    expect(c.elapsedMs).toBe(2 * HOUR_MS);
    expect(showLocal(c.dueAt!)).toBe('2025-12-29 17:00');
  });

  it('a ticket raised on a bank holiday counts from the next working morning', () => {
    const policy = slaPolicy('D', targets({ response: hours(4), resolution: businessDays(2) }));
    const s = new HistoryBuilder(local('2025-05-05 10:00'), { priority: 3, group: 'G1' }).subject();
    const c = sla(s, context(CALS, [policy], [], local('2025-05-05 23:00')));
    expect(showLocal(c.response!.dueAt!)).toBe('2025-05-06 13:00');
    expect(showLocal(c.resolution!.dueAt!)).toBe('2025-05-08 09:00');
    expect(c.resolution!.elapsedMs).toBe(0);
  });

  it('a reopen resumes the resolution clock where it stopped', () => {
    const policy = slaPolicy('E', targets({ response: null, resolution: hours(4) }));
    const b = new HistoryBuilder(local('2025-01-13 09:00'), { priority: 3, group: 'G1' })
      .resolve(local('2025-01-13 10:00'))
      .reopen(local('2025-01-14 09:00'));
    const open = sla(b.subject(), context(CALS, [policy], [], local('2025-01-14 10:00'))).resolution!;
    expect(open.state).toBe('running');
    expect(open.elapsedMs).toBe(2 * HOUR_MS);
    expect(showLocal(open.dueAt!)).toBe('2025-01-14 12:00');
    expect(open.segments.map((x) => [x.kind, x.reason])).toEqual([['running', 'create'], ['stopped', 'Resolved'], ['running', 'reopen']]);
    const done = sla(b.resolve(local('2025-01-14 11:00')).close(local('2025-01-20 11:00')).subject(), context(CALS, [policy], [], local('2025-01-21 10:00'))).resolution!;
    expect([done.state, showLocal(done.completedAt!), done.elapsedMs]).toEqual(['met', '2025-01-14 11:00', 3 * HOUR_MS]);
  });

  it('skips a lunch break', () => {
    const policy = slaPolicy('L', targets({ response: null, resolution: hours(2) }));
    const s = new HistoryBuilder(local('2025-01-13 11:30'), { priority: 3, group: 'G1' }).subject();
    expect(showLocal(sla(s, context(CALS, [policy], [], local('2025-01-13 11:31'))).resolution!.dueAt!)).toBe('2025-01-13 14:30');
  });

  it('a target in business days ends at the same local time, and a pause moves it by the paused working time', () => {
    const policy = slaPolicy('D', targets({ response: null, resolution: businessDays(3) }));
    const b = new HistoryBuilder(local('2025-04-17 10:00'), { priority: 3, group: 'G1' });
    const plain = sla(b.subject(), context(CALS, [policy], [], local('2025-04-17 10:30'))).resolution!;
    expect([showLocal(plain.dueAt!), plain.targetMs]).toEqual(['2025-04-24 10:00', 24 * HOUR_MS]);
    b.hold(local('2025-04-22 09:00'), 'AwaitingCaller').resume(local('2025-04-22 10:00'));
    expect(showLocal(sla(b.subject(), context(CALS, [policy], [], local('2025-04-22 10:30'))).resolution!.dueAt!)).toBe('2025-04-24 11:00');
  });

  it('a target in calendar days runs in real time across DST: 7 days from 2024-10-23 18:00 is 2024-10-30 18:00 GMT', () => {
    const policy = slaPolicy('D', targets({ response: null, resolution: calendarDays(7) }));
    const s = new HistoryBuilder(local('2024-10-23 18:00'), { priority: 3, group: 'G1' }).subject();
    const c = sla(s, context(CALS, [policy], [], local('2024-10-26 18:00'))).resolution!;
    expect([c.measure, utc(c.dueAt!), c.targetMs, c.elapsedMs]).toEqual(['elapsed', '2024-10-30T18:00:00.000Z', 169 * HOUR_MS, 72 * HOUR_MS]);
  });

  it('a priority change recomputes the target from the original start, and the timeline marks it', () => {
    const policy = slaPolicy('E', targets({ response: null, resolution: hours(8) }, { 2: { response: null, resolution: hours(4) } }));
    const s = new HistoryBuilder(local('2025-01-13 09:00'), { priority: 3, group: 'G1' }).priority(local('2025-01-13 10:00'), 2).subject();
    const early = sla(s, context(CALS, [policy], [], local('2025-01-13 12:00'))).resolution!;
    expect([early.priority, early.targetMs, showLocal(early.dueAt!), early.state]).toEqual([2, 4 * HOUR_MS, '2025-01-13 13:00', 'running']);
    expect(early.markers).toEqual([{ at: local('2025-01-13 10:00'), kind: 'targetChanged', fromPriority: 3, toPriority: 2, target: hours(4), targetMs: 4 * HOUR_MS }]);
    const late = sla(s, context(CALS, [policy], [], local('2025-01-13 14:00'))).resolution!;
    expect([late.state, showLocal(late.breachedAt!), late.percentElapsed]).toEqual(['breached', '2025-01-13 13:00', 125]);
  });

  it('lowering the priority after a breach of the old target un-breaches it (target from the original start)', () => {
    const policy = slaPolicy('E', targets({ response: null, resolution: hours(8) }, { 1: { response: null, resolution: hours(1) } }));
    const s = new HistoryBuilder(local('2025-01-13 09:00'), { priority: 1, group: 'G1' }).priority(local('2025-01-13 11:00'), 3).subject();
    const c = sla(s, context(CALS, [policy], [], local('2025-01-13 12:00'))).resolution!;
    expect([c.state, showLocal(c.dueAt!), c.breachedAt]).toEqual(['running', '2025-01-13 17:00', null]);
  });

  it('hold reasons pause only the clocks the policy lists', () => {
    const policy = slaPolicy('E', targets({ response: null, resolution: hours(4) }), { pausedBy: { resolution: ['AwaitingCaller'] } });
    const b = new HistoryBuilder(local('2025-01-13 09:00'), { priority: 3, group: 'G1' }).hold(local('2025-01-13 10:00'), 'AwaitingSupplier');
    const c = sla(b.subject(), context(CALS, [policy], [], local('2025-01-13 12:00'))).resolution!;
    expect([c.state, c.elapsedMs, c.pausedMs]).toEqual(['running', 3 * HOUR_MS, 0]);
    expect(c.segments.map((x) => x.reason)).toEqual(['create']);
    const caller = new HistoryBuilder(local('2025-01-13 09:00'), { priority: 3, group: 'G1' }).hold(local('2025-01-13 10:00'), 'AwaitingCaller');
    const p = sla(caller.subject(), context(CALS, [policy], [], local('2025-01-13 12:00'))).resolution!;
    expect([p.state, p.elapsedMs, p.pausedMs, p.dueAt]).toEqual(['paused', HOUR_MS, 2 * HOUR_MS, null]);
  });

  it('resolving at closing time meets a target due at closing time; an hour later breaches it', () => {
    const policy = slaPolicy('E', targets({ response: null, resolution: hours(4) }));
    const onTime = new HistoryBuilder(local('2025-01-13 14:00'), { priority: 3 }).resolve(local('2025-01-13 18:00')).subject();
    const late = new HistoryBuilder(local('2025-01-13 14:00'), { priority: 3 }).resolve(local('2025-01-13 19:00')).subject();
    const now = local('2025-01-14 12:00');
    expect(sla(onTime, context(CALS, [policy], [], now)).resolution!.state).toBe('met');
    const l = sla(late, context(CALS, [policy], [], now)).resolution!;
    expect([l.state, showLocal(l.breachedAt!), l.elapsedMs]).toEqual(['breached', '2025-01-13 18:00', 4 * HOUR_MS]);
  });

  it('a cancelled ticket has a cancelled clock', () => {
    const policy = slaPolicy('E', targets({ response: hours(1), resolution: hours(4) }));
    const s = new HistoryBuilder(local('2025-01-13 09:00'), { priority: 3, group: 'G1' }).cancel(local('2025-01-13 09:30')).subject();
    const c = sla(s, context(CALS, [policy], [], local('2025-01-14 09:00')));
    expect([c.resolution!.state, c.resolution!.elapsedMs, c.response!.state]).toEqual(['cancelled', 30 * MINUTE_MS, 'cancelled']);
  });
});

describe('response clock', () => {
  const policy = slaPolicy('E', targets({ response: hours(1), resolution: hours(8) }));
  const start = local('2025-01-13 09:00');

  it('is met when a person in the assigned group takes the ticket', () => {
    const s = new HistoryBuilder(start, { priority: 3, group: 'G1' }).take(local('2025-01-13 09:40')).subject();
    const c = sla(s, context(CALS, [policy], [], local('2025-01-13 12:00'))).response!;
    expect([c.state, c.completedBy, c.elapsedMs]).toEqual(['met', 'taken', 40 * MINUTE_MS]);
  });

  it('is met by an analyst public reply, not by a requester reply or a work note', () => {
    const s = new HistoryBuilder(start, { priority: 3, group: 'G1' })
      .reply(local('2025-01-13 09:10'), 'Requester')
      .note(local('2025-01-13 09:20'))
      .reply(local('2025-01-13 09:30'), 'Analyst')
      .subject();
    const c = sla(s, context(CALS, [policy], [], local('2025-01-13 12:00'))).response!;
    expect([c.state, c.completedBy, showLocal(c.completedAt!)]).toEqual(['met', 'analystReply', '2025-01-13 09:30']);
  });

  it('is breached when nobody responds in time, and a take without a group does not count', () => {
    const s = new HistoryBuilder(start, { priority: 3, group: null }).take(local('2025-01-13 09:30')).subject();
    const c = sla(s, context(CALS, [policy], [], local('2025-01-13 12:00'))).response!;
    expect([c.state, showLocal(c.breachedAt!)]).toEqual(['breached', '2025-01-13 10:00']);
  });

  it('is paused by a hold and completed by a resolution', () => {
    const s = new HistoryBuilder(start, { priority: 3, group: 'G1' })
      .hold(local('2025-01-13 09:30'), 'AwaitingCaller')
      .resume(local('2025-01-13 11:00'), 'Requester')
      .resolve(local('2025-01-13 11:20'))
      .subject();
    const c = sla(s, context(CALS, [policy], [], local('2025-01-13 12:00'))).response!;
    expect([c.state, c.completedBy, c.elapsedMs, c.pausedMs]).toEqual(['met', 'resolved', 50 * MINUTE_MS, 90 * MINUTE_MS]);
  });
});

describe('computed at the very instant of a change', () => {
  it('a clock computed at the instant of resolution is already met', () => {
    const policy = slaPolicy('E', targets({ response: null, resolution: hours(4) }));
    const s = new HistoryBuilder(local('2025-01-13 09:00'), { priority: 3 }).resolve(local('2025-01-13 10:00')).subject();
    const c = sla(s, context(CALS, [policy], [], local('2025-01-13 10:00'))).resolution!;
    expect([c.state, c.elapsedMs, showLocal(c.completedAt!)]).toEqual(['met', HOUR_MS, '2025-01-13 10:00']);
  });
});
