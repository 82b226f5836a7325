import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Audience } from '../../src/domain/access';
import { ACCESS_ACTIONS, AUDIENCES, isAllowed, renderAccessTable } from '../../src/domain/access';
import type { PersonName, World } from '../support/api-world';
import { act, people, raise, startWorld } from '../support/api-world';
import type { Answer } from '../support/access-probes';
import { PROBES } from '../support/access-probes';
import { call } from '../support/embedded-server';

let world: World;
beforeAll(async () => {
  world = await startWorld();
  // The original that 'cancel as duplicate' links to.
  await raise(world, world.tokens.caller, { title: 'The original' });
});
afterAll(async () => {
  await world?.server.stop();
});

/** The person who plays each row: the ticket's caller raised every ticket; its service (printing) is Olu's, its group desk. */
const PLAYER: Readonly<Record<Exclude<Audience, 'noToken' | 'badToken'>, PersonName>> = {
  requester: 'stranger',
  caller: 'caller',
  assignedAnalyst: 'desk',
  otherAnalyst: 'net',
  serviceOwner: 'owner',
  admin: 'admin',
};

async function tokensFor(audience: Audience): Promise<(string | undefined)[]> {
  if (audience === 'noToken') return [undefined];
  if (audience === 'badToken') return [await world.expiredToken('admin'), world.forgedToken('admin'), 'not.a.jwt'];
  return [world.tokens[PLAYER[audience]]];
}

const hasWorkNote = (a: Answer) => JSON.stringify(a.body).includes('Internal: the fuser is worn') || (a.body?.messages ?? []).some((m: any) => m.kind === 'WorkNote');

it('docs/access.md shows the same table as the code', () => {
  expect(readFileSync('docs/access.md', 'utf8')).toContain(renderAccessTable());
});

describe.each(ACCESS_ACTIONS)('%s', (action) => {
  const probe = PROBES[action];
  it.each(AUDIENCES)('as %s', async (audience) => {
    for (const token of await tokensFor(audience)) {
      const target = await probe.prepare(world, `${action}-${audience}`);
      const before = await probe.snapshot(world, target);
      const answer = await probe.run(world, target, token);
      if (audience === 'noToken' || audience === 'badToken') {
        expect([audience, answer.status, answer.body?.error?.code]).toEqual([audience, 401, 'unauthenticated']);
      } else if (action === 'message.readWorkNotes' && !isAllowed(action, audience) && isAllowed('ticket.read', audience)) {
        // Readers of the ticket who may not see work notes get the ticket without them.
        expect(answer.status).toBe(200);
        expect(hasWorkNote(answer)).toBe(false);
        expect(answer.body.messages.map((m: any) => m.body)).toEqual(['Public: we are on it']);
      } else if (action === 'ticket.clockTimeline' && !isAllowed(action, audience) && isAllowed('ticket.clocks', audience)) {
        // The caller gets each target and whether it waits for them, never the timeline.
        expect([audience, answer.status, answer.body.view, JSON.stringify(answer.body).includes('segments')]).toEqual([audience, 200, 'requester', false]);
      } else if (isAllowed(action, audience)) {
        expect([audience, answer.status, answer.body?.error]).toEqual([audience, probe.ok, undefined]);
        if (action === 'message.readWorkNotes') expect(hasWorkNote(answer)).toBe(true);
        if (action === 'ticket.clockTimeline') expect(answer.body.view).toBe('full');
        continue;
      } else {
        expect([audience, answer.status, answer.body?.error?.code]).toEqual([audience, 403, 'forbidden']);
        expect(hasWorkNote(answer)).toBe(false);
      }
      expect(await probe.snapshot(world, target)).toEqual(before);
    }
  });
});

describe('a requester never sees a work note or another person\'s ticket, by any route', () => {
  it('holds for the caller and for a stranger on every read route and in command answers', async () => {
    const number = await raise(world, world.tokens.caller, { title: 'Private matter' });
    await act(world, world.tokens.desk, number, 'worknote', { body: 'SECRET work note' });
    await act(world, world.tokens.desk, number, 'handover', { groupKey: 'net', note: 'SECRET hand-over note' });
    const routes = [`/api/tickets/${number}`, `/api/tickets?number=${number}`, '/api/my/tickets?pageSize=200', `/api/tickets?requester=${people.caller.id}`, '/api/queues/net', '/api/queues/assigned-to-me'];
    for (const who of ['caller', 'stranger'] as const) {
      for (const path of routes) {
        const answer = await call(world.origin, path, { token: world.tokens[who] });
        expect([who, path, JSON.stringify(answer.body).includes('SECRET')]).toEqual([who, path, false]);
        if (who === 'stranger') expect([path, JSON.stringify(answer.body).includes(number)]).toEqual([path, false]);
      }
    }
    const replied = await act(world, world.tokens.caller, number, 'reply', { body: 'Any news?' });
    expect(replied.status).toBe(200);
    expect(JSON.stringify(replied.body)).not.toContain('SECRET');
    expect(replied.body.history.map((e: any) => e.action)).toEqual(['create', 'handover', 'reply']);
  });

  it("refuses a requester's token sent straight to the store's /v1.0", async () => {
    const direct = await call(world.origin, '/v1.0/sites/contoso.sharepoint.com:/sites/servicedesk/lists', { token: world.tokens.caller });
    expect(direct.status).toBe(403);
  });
});
