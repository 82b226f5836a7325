// Issue 6: the worker's jobs. Breach warnings land in the outbox once per (ticket, clock, threshold), never while
// the calendar is closed; resolved tickets close after 5 working days of the policy calendar, across bank holidays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { local } from '../../src/domain/calendar/testing';
import { adminView, people } from '../support/api-world';
import type { SlaWorld } from '../support/sla-world';
import { CALENDAR_E, admin, calendarDays, hours, must, outboxOf, raiseNow, startSlaWorld, step, targets } from '../support/sla-world';

let s: SlaWorld;
const run = (job: 'breach-warnings' | 'auto-close', localTime: string) => s.world.server.worker.runOnce(job, s.at(localTime));
const keys = async (number: string) => (await outboxOf(s, number)).map((f) => String(f['OutboxKey']).replace(`${number}:`, '')).sort();

beforeAll(async () => {
  s = await startSlaWorld('2025-01-06 08:00');
  await must(admin(s, '/api/admin/calendars/e', { method: 'PUT', body: CALENDAR_E }), 201);
  // Printing on E: response 4 business hours, resolution 10. VPN: 1 calendar day to resolve, warnings held to E's hours.
  await must(admin(s, '/api/admin/sla-policies/printing-e/versions', { body: { name: 'Printing', serviceId: 'printing', calendarKey: 'e', targets: targets({ response: hours(4), resolution: hours(10) }) } }), 201);
  await must(admin(s, '/api/admin/sla-policies/vpn-days/versions', { body: { name: 'VPN', serviceId: 'vpn', calendarKey: 'e', warnOnlyInWorkingHours: true, targets: targets({ response: null, resolution: calendarDays(1) }) } }), 201);
});
afterAll(async () => {
  await s?.stop();
});

describe('breach warnings', () => {
  it('case 1: 50 % on Tuesday 09:00 and 75 % at 10:00, each written once however often the job runs', async () => {
    s.at('2025-01-13 17:00');
    const number = await raiseNow(s);
    await run('breach-warnings', '2025-01-14 08:59');
    expect(await keys(number)).toEqual([]);
    await run('breach-warnings', '2025-01-14 09:00');
    await run('breach-warnings', '2025-01-14 09:01');
    expect(await keys(number)).toEqual(['sla:response:50']);
    const second = await run('breach-warnings', '2025-01-14 10:00');
    expect(second.done).toBe(1);
    const again = await run('breach-warnings', '2025-01-14 10:00');
    expect(again.done).toBe(0);
    expect(await keys(number)).toEqual(['sla:response:50', 'sla:response:75']);
    const item = (await outboxOf(s, number)).find((f) => String(f['OutboxKey']).endsWith(':75'))!;
    expect([item['Status'], item['Kind'], item['GroupKey'], item['DueAt']]).toEqual(['Pending', 'BreachWarning', 'desk', new Date(local('2025-01-14 10:00')).toISOString().replace('.000Z', 'Z')]);
  });

  it('addresses the assignee and the group, and stops once the response is given', async () => {
    s.at('2025-01-20 09:00');
    const number = await raiseNow(s);
    await run('breach-warnings', '2025-01-20 11:00');
    const first = (await outboxOf(s, number))[0]!;
    expect([first['OutboxKey'], first['GroupKey'], first['RecipientId'] ?? null]).toEqual([`${number}:sla:response:50`, 'desk', null]);
    s.at('2025-01-20 11:05');
    await step(s, number, 'take', {}, 'desk');
    await run('breach-warnings', '2025-01-20 13:30');
    // The response was met: no 75 % for it; the resolution clock (10 hours) is only at 45 %.
    expect(await keys(number)).toEqual(['sla:response:50']);
    await run('breach-warnings', '2025-01-20 14:00');
    const resolution = (await outboxOf(s, number)).find((f) => String(f['OutboxKey']).endsWith('sla:resolution:50'))!;
    expect([resolution['RecipientName'], resolution['GroupKey']]).toEqual(["Dara O'Brien", 'desk']);
  });

  it('never writes a warning while the calendar is closed: a calendar-day target reached at midnight waits for 08:00', async () => {
    s.at('2025-01-21 12:00');
    const number = await raiseNow(s, { serviceId: 'vpn' });
    // 50 % of one calendar day is reached at 00:00; E opens at 08:00.
    await run('breach-warnings', '2025-01-22 00:30');
    await run('breach-warnings', '2025-01-22 07:59');
    expect(await keys(number)).toEqual([]);
    // 75 % was reached at 06:00, so both go when E opens; nothing more after it closes at 18:00 until it opens again.
    await run('breach-warnings', '2025-01-22 08:00');
    await run('breach-warnings', '2025-01-22 08:01');
    expect(await keys(number)).toEqual(['sla:resolution:50', 'sla:resolution:75']);
    await run('breach-warnings', '2025-01-22 18:30');
    await run('breach-warnings', '2025-01-23 07:00');
    expect(await keys(number)).toEqual(['sla:resolution:50', 'sla:resolution:75']);
    await run('breach-warnings', '2025-01-23 08:00');
    expect(await keys(number)).toEqual(['sla:resolution:100', 'sla:resolution:50', 'sla:resolution:75']);
  });
});

describe('auto-close', () => {
  it('closes a resolved ticket after 5 working days on the policy calendar, across Easter, as System, once', async () => {
    // Email has no policy of its own: the seeded standard policy applies, on office hours with bank holidays.
    await must(admin(s, '/api/admin/services/email', { method: 'PUT', body: { name: 'Email', ownerId: people.owner.id, defaultGroupKey: 'desk' } }), 201);
    s.at('2025-04-16 09:00');
    const number = await raiseNow(s, { serviceId: 'email' });
    s.at('2025-04-17 10:00');
    await step(s, number, 'resolve', { resolutionCode: 'Fixed', note: 'Mailbox restored' }, 'desk');
    // Good Friday 18 and Easter Monday 21 April are not working days: Tue, Wed, Thu, Fri, then Monday 28 April.
    expect((await run('auto-close', '2025-04-25 17:00')).done).toBe(0);
    expect((await run('auto-close', '2025-04-28 09:59')).done).toBe(0);
    expect((await adminView(s.world, number)).ticket.state).toBe('Resolved');
    const closed = await run('auto-close', '2025-04-28 10:00');
    expect([closed.done, closed.problems]).toEqual([1, []]);
    const view = await adminView(s.world, number);
    const last = view.history[view.history.length - 1];
    expect([view.ticket.state, view.ticket.closedAt, last.action, last.byRole, last.byName]).toEqual(['Closed', new Date(local('2025-04-28 10:00')).toISOString().replace('.000Z', 'Z'), 'close', 'System', 'Service Desk (automatic)']);
    expect((await run('auto-close', '2025-04-28 10:01')).done).toBe(0);
    expect((await adminView(s.world, number)).history.length).toBe(view.history.length);
  });

  it('leaves a ticket its caller reopened', async () => {
    s.at('2025-05-06 09:00');
    const number = await raiseNow(s, { serviceId: 'email' });
    await step(s, number, 'resolve', { resolutionCode: 'Fixed', note: 'Done' }, 'desk');
    s.at('2025-05-08 09:00');
    await step(s, number, 'reopen', { note: 'Not fixed' }, 'caller');
    await run('auto-close', '2025-05-20 09:00');
    expect((await adminView(s.world, number)).ticket.state).toBe('InProgress');
  });
});
