// Issue 6: the ticket write recomputes the stored due dates on every transition (the cases on calendar E),
// and list rows carry time left and % elapsed computed when they are read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { local } from '../../src/domain/calendar/testing';
import { call } from '../support/embedded-server';
import type { SlaWorld } from '../support/sla-world';
import { CALENDAR_E, admin, dueDates, hours, must, raiseNow, startSlaWorld, step, targets } from '../support/sla-world';

let s: SlaWorld;
const iso = (localTime: string) => new Date(local(localTime)).toISOString().replace('.000Z', 'Z');

beforeAll(async () => {
  s = await startSlaWorld('2025-01-06 08:00');
  await must(admin(s, '/api/admin/calendars/e', { method: 'PUT', body: CALENDAR_E }), 201);
  // Printing: response 4 business hours, resolution 10 (P2: 4), on calendar E.
  const body = { name: 'Printing on E', serviceId: 'printing', calendarKey: 'e', targets: targets({ response: hours(4), resolution: hours(10) }, { 2: { response: hours(4), resolution: hours(4) } }) };
  await must(admin(s, '/api/admin/sla-policies/printing-e/versions', { body }), 201);
});
afterAll(async () => {
  await s?.stop();
});

describe('stored due dates', () => {
  it('case 1: 4 business hours from Monday 17:00 is due Tuesday 11:00', async () => {
    s.at('2025-01-13 17:00');
    const number = await raiseNow(s);
    expect((await dueDates(s, number))[0]).toBe(iso('2025-01-14 11:00'));
  });

  it('case 2: 4 business hours from Friday 17:00 is due Monday 11:00', async () => {
    s.at('2025-01-10 17:00');
    const number = await raiseNow(s);
    expect((await dueDates(s, number))[0]).toBe(iso('2025-01-13 11:00'));
  });

  it('follow take, hold, resume (case 3), priority change, resolve and reopen', async () => {
    s.at('2025-01-10 09:00');
    const number = await raiseNow(s);
    // 10 business hours from Friday 09:00: 9 on Friday, 1 on Monday.
    expect(await dueDates(s, number)).toEqual([iso('2025-01-10 13:00'), iso('2025-01-13 09:00')]);

    s.at('2025-01-10 09:30');
    await step(s, number, 'take', {}, 'desk');
    expect(await dueDates(s, number)).toEqual([null, iso('2025-01-13 09:00')]);

    s.at('2025-01-10 10:00');
    await step(s, number, 'hold', { reason: 'AwaitingSupplier' }, 'desk');
    expect(await dueDates(s, number)).toEqual([null, null]);

    s.at('2025-01-13 10:00');
    await step(s, number, 'resume', {}, 'desk');
    // Case 3: on hold Friday 10:00 to Monday 10:00, due Tuesday 09:00.
    expect(await dueDates(s, number)).toEqual([null, iso('2025-01-14 09:00')]);

    s.at('2025-01-13 11:00');
    await step(s, number, 'priority', { impact: 1, urgency: 2, note: 'Whole floor affected' }, 'desk');
    // P2's 4 hours from the original start: 1 hour on Friday, 3 on Monday from 10:00.
    expect(await dueDates(s, number)).toEqual([null, iso('2025-01-13 13:00')]);

    s.at('2025-01-13 12:00');
    await step(s, number, 'resolve', { resolutionCode: 'Fixed', note: 'Replaced the fuser' }, 'desk');
    expect(await dueDates(s, number)).toEqual([null, null]);

    s.at('2025-01-14 09:00');
    await step(s, number, 'reopen', { note: 'Still jams' }, 'caller');
    // The clock resumes where it stopped: 3 of 4 hours used, so 1 hour from Tuesday 09:00.
    expect(await dueDates(s, number)).toEqual([null, iso('2025-01-14 10:00')]);
  });

  it('leaves the response due while only the caller talks, and meets it with an analyst\'s public reply', async () => {
    s.at('2025-01-15 09:00');
    const number = await raiseNow(s);
    s.at('2025-01-15 09:10');
    await step(s, number, 'reply', { body: 'Any news?' }, 'caller');
    expect((await dueDates(s, number))[0]).toBe(iso('2025-01-15 13:00'));
    s.at('2025-01-15 09:20');
    await step(s, number, 'reply', { body: 'Looking now' }, 'desk');
    expect((await dueDates(s, number))[0]).toBeNull();
  });
});

describe('list rows', () => {
  it('carry time left or overdue and % elapsed of the clock that matters now, for queues and my tickets', async () => {
    s.at('2025-01-20 09:00');
    const number = await raiseNow(s);
    s.at('2025-01-20 12:00');
    const queue = await must(call(s.world.origin, '/api/queues/desk?pageSize=200', { token: s.world.tokens.desk }), 200);
    const row = queue.items.find((t: any) => t.number === number);
    expect(row.sla).toEqual({ current: { kind: 'response', state: 'running', dueAt: new Date(local('2025-01-20 13:00')).toISOString(), remainingMs: 3_600_000, percentElapsed: 75, measure: 'business' }, waitingForCaller: false, problem: null });
    s.at('2025-01-20 14:00');
    const mine = await must(call(s.world.origin, '/api/my/tickets?pageSize=200', { token: s.world.tokens.caller }), 200);
    const overdue = mine.items.find((t: any) => t.number === number).sla.current;
    expect([overdue.state, overdue.remainingMs, overdue.percentElapsed]).toEqual(['breached', -3_600_000, 125]);
  });

  it('say when a paused ticket waits for its caller', async () => {
    s.at('2025-01-21 09:00');
    const number = await raiseNow(s);
    await step(s, number, 'take', {}, 'desk');
    await step(s, number, 'hold', { reason: 'AwaitingCaller', note: 'Which printer is it?' }, 'desk');
    const mine = await must(call(s.world.origin, '/api/my/tickets?pageSize=200', { token: s.world.tokens.caller }), 200);
    const row = mine.items.find((t: any) => t.number === number).sla;
    expect([row.waitingForCaller, row.current.kind, row.current.state, row.current.dueAt]).toEqual([true, 'resolution', 'paused', null]);
  });
});
