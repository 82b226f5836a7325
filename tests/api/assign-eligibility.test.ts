// Defect: a ticket could be assigned to a requester, who then got 403 on their assigned-to-me queue (stranded).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { World } from '../support/api-world';
import { act, adminView, people, raise, startWorld } from '../support/api-world';
import { call } from '../support/embedded-server';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.server.stop();
});

const unchanged = async (number: string) => {
  const all = await adminView(world, number);
  return { state: all.ticket.state, assigneeId: all.ticket.assigneeId, actions: all.history.map((e: any) => e.action) };
};

describe('who a ticket may be assigned to', () => {
  it('refuses a requester (422 assignee_not_eligible), changing nothing', async () => {
    const number = await raise(world, world.tokens.caller);
    const refused = await act(world, world.tokens.desk, number, 'assign', { assigneeId: people.caller.id });
    const message = `Siobhán O'Neill 🌸 is not an analyst, so ${number} cannot be assigned to them: choose an analyst of Service Desk.`;
    expect([refused.status, refused.body.error.code, refused.body.error.message, refused.body.error.details]).toEqual([422, 'assignee_not_eligible', message, [{ field: 'assigneeId', message }]]);
    expect(await unchanged(number)).toEqual({ state: 'New', assigneeId: null, actions: ['create'] });
  });

  it("refuses an analyst of another group, naming them and the ticket's group, changing nothing", async () => {
    const number = await raise(world, world.tokens.caller);
    const refused = await act(world, world.tokens.desk, number, 'assign', { assigneeId: people.net.id });
    expect([refused.status, refused.body.error.code, refused.body.error.message]).toEqual([
      422, 'assignee_not_eligible', `Niamh Net is not a member of Service Desk, the group ${number} is assigned to: choose one of its analysts, or hand the ticket over first.`,
    ]);
    expect(await unchanged(number)).toEqual({ state: 'New', assigneeId: null, actions: ['create'] });
  });

  it('assigns an analyst of the group, who then finds it in their own queue', async () => {
    const number = await raise(world, world.tokens.caller);
    const assigned = await act(world, world.tokens.desk, number, 'assign', { assigneeId: people.desk2.id });
    expect([assigned.status, assigned.body.ticket.assigneeId, assigned.body.ticket.assigneeName]).toEqual([200, people.desk2.id, 'Mei Chen']);
    expect(await unchanged(number)).toEqual({ state: 'New', assigneeId: people.desk2.id, actions: ['create', 'assign'] });
    const mine = await call(world.origin, '/api/queues/assigned-to-me', { token: world.tokens.desk2 });
    expect([mine.status, mine.body.items.map((t: any) => t.number)]).toEqual([200, [number]]);
  });

  it('names an earlier assignee in the ticket read (the history keeps only their id)', async () => {
    const number = await raise(world, world.tokens.caller);
    expect((await act(world, world.tokens.desk, number, 'assign', { assigneeId: people.desk2.id })).status).toBe(200);
    expect((await act(world, world.tokens.desk, number, 'assign', { assigneeId: people.desk.id })).status).toBe(200);
    const read = await call(world.origin, `/api/tickets/${number}`, { token: world.tokens.desk });
    // Mei Chen is neither the actor, the requester nor the assignee now: her name comes from the directory.
    expect(read.body.peopleNames).toEqual({ [people.desk2.id]: 'Mei Chen', [people.desk.id]: read.body.ticket.assigneeName });
  });

  it('offers the Assign picker only people the ticket may be assigned to', async () => {
    const number = await raise(world, world.tokens.caller);
    const search = async (text: string, assignableTo?: string) => {
      const query = new URLSearchParams({ search: text, ...(assignableTo ? { assignableTo } : {}) });
      const answer = await call(world.origin, `/api/people?${query}`, { token: world.tokens.desk });
      return [answer.status, answer.body.items.map((p: any) => p.name)];
    };
    expect(await search('Mei', number)).toEqual([200, ['Mei Chen']]);
    expect(await search('Niamh', number)).toEqual([200, []]);
    expect(await search('Siob', number)).toEqual([200, []]);
    expect(await search('Niamh')).toEqual([200, ['Niamh Net']]);
  });
});

describe('app role ids', () => {
  it('are the same in the API and in the local store it reads them from', async () => {
    const { APP_ROLE_IDS: api } = await import('../../src/api/auth/app-role-ids');
    const { APP_ROLE_IDS: store } = await import('../../src/store/identity/constants');
    expect(api).toEqual(store);
  });
});
