// A policy for one service (docs/clock-definitions.md: "A policy can be for one service; otherwise the general policy
// applies"): published through the admin route a few seconds ahead, it is the one a ticket for that service uses,
// while a ticket for another service keeps the general "standard" policy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { local } from '../../src/domain/calendar/testing';
import { people, startWorld } from '../support/api-world';
import type { SlaWorld } from '../support/sla-world';
import { admin, minutes, must, raiseNow, targets } from '../support/sla-world';

let s: SlaWorld;
/** The API's clock, to the millisecond (a real clock is rarely on a whole second). */
let now = local('2025-03-03 09:00');
const clocksOf = async (number: string) => (await must(admin(s, `/api/tickets/${number}/clocks`), 200)).clocks as any[];
const slaOf = async (number: string) =>
  (await clocksOf(number))
    .filter((c) => c.scope === 'sla')
    .map((c) => [c.id, c.policyKey, c.policyVersion, c.calendarKey, c.target]);

beforeAll(async () => {
  const world = await startWorld({ clock: () => new Date(now) });
  s = { world, layer: null as never, at: (t) => new Date((now = local(t))), now: () => new Date(now), stop: () => world.server.stop() };
  await must(admin(s, '/api/admin/services/category-19', { method: 'PUT', body: { name: 'Category 19', ownerId: people.owner.id, defaultGroupKey: 'desk' } }), 201);
});
afterAll(async () => {
  await s?.stop();
});

describe('a policy for one service', () => {
  it('is used for that service\'s tickets, and the general policy for the others', async () => {
    now = local('2025-03-04 10:00') + 12_345;
    const effectiveFrom = new Date(now + 5_000).toISOString();
    const row = { response: minutes(45), resolution: { unit: 'businessDays', value: 7 } };
    const v1 = await must(admin(s, '/api/admin/sla-policies/web19/versions', { body: { name: 'Web 19', calendarKey: '24x7', serviceId: 'category-19', effectiveFrom, targets: targets(row) } }), 201);
    expect([v1.key, v1.version, v1.serviceId, v1.calendarKey]).toEqual(['web19', 1, 'category-19', '24x7']);

    // The list keeps date-times to the second (opened at 10:01:07), the history to the millisecond (10:01:07.654).
    now = local('2025-03-04 10:01') + 7_654;
    const web = await raiseNow(s, { title: 'web 19', impact: 1, urgency: 1, serviceId: 'category-19' });
    const other = await raiseNow(s, { title: 'vpn', impact: 1, urgency: 1, serviceId: 'vpn' });

    expect(await slaOf(web)).toEqual([
      ['sla:response', 'web19', 1, '24x7', { unit: 'businessMinutes', value: 45 }],
      ['sla:resolution', 'web19', 1, '24x7', { unit: 'businessDays', value: 7 }],
    ]);
    expect(await slaOf(other)).toEqual([
      ['sla:response', 'standard', 1, 'office-hours', { unit: 'businessMinutes', value: 15 }],
      ['sla:resolution', 'standard', 1, 'office-hours', { unit: 'businessMinutes', value: 240 }],
    ]);
  });
});
