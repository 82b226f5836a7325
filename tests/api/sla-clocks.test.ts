// Issue 6: GET /api/tickets/:number/clocks by who asks. Analysts, the service's owner and admins get every clock
// with its timeline; the caller gets each target and, while paused, whether it waits for them; others nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/embedded-server';
import type { SlaWorld } from '../support/sla-world';
import { admin, must, raiseNow, startSlaWorld, step } from '../support/sla-world';

let s: SlaWorld;
let number: string;
const clocks = (who: keyof SlaWorld['world']['tokens'] | null) => call(s.world.origin, `/api/tickets/${number}/clocks`, who ? { token: s.world.tokens[who] } : {});

beforeAll(async () => {
  s = await startSlaWorld('2025-06-02 09:00');
  await must(admin(s, '/api/admin/ola-agreements/desk-ola/versions', { body: { name: 'Desk', groupKey: 'desk', calendarKey: 'office-hours', publish: true, targets: { 1: r(), 2: r(), 3: r(), 4: r(), 5: r() } } }), 201);
  s.at('2025-06-02 10:00');
  number = await raiseNow(s);
  s.at('2025-06-02 11:00');
  await step(s, number, 'take', {}, 'desk');
  s.at('2025-06-02 12:00');
  await step(s, number, 'hold', { reason: 'AwaitingCaller', note: 'Which floor?' }, 'desk');
  s.at('2025-06-02 15:00');
});
afterAll(async () => {
  await s?.stop();
});

function r() {
  return { response: { unit: 'businessMinutes', value: 60 }, resolution: { unit: 'businessDays', value: 2 } };
}

describe('who sees which clocks', () => {
  it.each(['desk', 'net', 'owner', 'admin'] as const)('%s gets every clock with its timeline', async (who) => {
    const answer = await must(clocks(who), 200);
    expect([answer.view, answer.definitionsUrl, answer.problems]).toEqual(['full', '/docs/clock-definitions', []]);
    expect(answer.clocks.map((c: any) => [c.id.replace(/@\d+/, '@t'), c.state])).toEqual([
      ['sla:response', 'met'],
      ['sla:resolution', 'paused'],
      ['ola:desk@t:response', 'met'],
      ['ola:desk@t:resolution', 'paused'],
    ]);
    const resolution = answer.clocks[1];
    expect(resolution.segments.map((x: any) => [x.kind, x.reason, x.measuredMs])).toEqual([['running', 'create', 2 * 3_600_000], ['paused', 'AwaitingCaller', 3 * 3_600_000]]);
    expect([resolution.elapsedMs, resolution.pausedMs, resolution.dueAt, resolution.target]).toEqual([2 * 3_600_000, 3 * 3_600_000, null, { unit: 'businessDays', value: 10 }]);
  });

  it('the caller sees each target and that it waits for them, nothing of the timeline or the OLAs', async () => {
    const answer = await must(clocks('caller'), 200);
    expect(answer).toEqual({
      view: 'requester',
      number,
      computedAt: '2025-06-02T14:00:00.000Z',
      definitionsUrl: '/docs/clock-definitions',
      problems: [],
      clocks: [
        { kind: 'response', target: { unit: 'businessDays', value: 2 }, dueAt: '2025-06-04T09:00:00.000Z', state: 'met', waitingForYou: false },
        { kind: 'resolution', target: { unit: 'businessDays', value: 10 }, dueAt: null, state: 'paused', waitingForYou: true },
      ],
    });
  });

  it.each(['stranger', 'otherOwner'] as const)('%s is refused', async (who) => {
    const answer = await clocks(who);
    expect([answer.status, answer.body.error.code]).toEqual([403, 'forbidden']);
  });

  it('refuses without a token, and says when there is no such ticket', async () => {
    expect((await clocks(null)).status).toBe(401);
    expect((await call(s.world.origin, '/api/tickets/INC-999999/clocks', { token: s.world.tokens.admin })).status).toBe(404);
  });

  it('shows the caller the due time again once the ticket resumes', async () => {
    s.at('2025-06-03 09:00');
    await step(s, number, 'reply', { body: 'Third floor' }, 'caller');
    const answer = await must(clocks('caller'), 200);
    expect(answer.clocks[1]).toEqual({ kind: 'resolution', target: { unit: 'businessDays', value: 10 }, dueAt: '2025-06-16T14:00:00.000Z', state: 'running', waitingForYou: false });
  });
});

describe('years without holiday data', () => {
  it('are reported instead of a due time, and store no due date', async () => {
    s.at('2030-12-30 16:00');
    const late = await raiseNow(s);
    const answer = await must(call(s.world.origin, `/api/tickets/${late}/clocks`, { token: s.world.tokens.desk }), 200);
    expect([answer.clocks, answer.problems.map((p: any) => p.code)]).toEqual([[], ['no_holiday_data']]);
    const mine = await must(call(s.world.origin, '/api/my/tickets?pageSize=200', { token: s.world.tokens.caller }), 200);
    expect(mine.items.find((t: any) => t.number === late).sla.problem).toMatch(/2031/);
  });
});
