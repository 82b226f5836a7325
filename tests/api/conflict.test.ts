import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { World } from '../support/api-world';
import { act, adminView, newKey, people, raise, startWorld } from '../support/api-world';
import { call } from '../support/embedded-server';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.server.stop();
});

const read = async (token: string, number: string) => (await call(world.origin, `/api/tickets/${number}`, { token })).body;

describe('two analysts on one ticket', () => {
  it('gives the second writer 409 conflict with what changed, who and when, and lets them reapply', async () => {
    const number = await raise(world, world.tokens.caller);
    const dara = await read(world.tokens.desk, number);
    const mei = await read(world.tokens.desk2, number);
    expect(dara.etag).toBe(mei.etag);

    const taken = await act(world, world.tokens.desk, number, 'take', {}, { etag: dara.etag });
    expect(taken.status).toBe(200);
    const stale = await act(world, world.tokens.desk2, number, 'hold', { reason: 'AwaitingSupplier' }, { etag: mei.etag });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({
      code: 'conflict',
      message: `${number} was changed by Dara O'Brien after you opened it. Check what changed, then apply your change again.`,
      etag: taken.body.etag,
      changes: [
        { field: 'state', from: 'New', to: 'InProgress', byId: people.desk.id, byName: "Dara O'Brien", byRole: 'Analyst', action: 'take', at: expect.any(String) },
        { field: 'assignee', from: null, to: people.desk.id, byId: people.desk.id, byName: "Dara O'Brien", byRole: 'Analyst', action: 'take', at: expect.any(String) },
      ],
    });
    const unchanged = await adminView(world, number);
    expect(unchanged.ticket).toMatchObject({ state: 'InProgress', holdReason: null });
    expect(unchanged.history.map((e: any) => e.action)).toEqual(['create', 'take']);

    const reapplied = await act(world, world.tokens.desk2, number, 'hold', { reason: 'AwaitingSupplier' }, { etag: stale.body.error.etag });
    expect(reapplied.status).toBe(200);
    expect(reapplied.body.ticket).toMatchObject({ state: 'OnHold', holdReason: 'AwaitingSupplier', assigneeName: "Dara O'Brien" });
  });

  it('lets exactly one of two simultaneous writes on the same version through', async () => {
    const number = await raise(world, world.tokens.caller);
    const { etag } = await read(world.tokens.desk, number);
    const answers = await Promise.all([
      act(world, world.tokens.desk, number, 'assign', { assigneeId: people.desk.id }, { etag, key: newKey() }),
      act(world, world.tokens.desk2, number, 'assign', { assigneeId: people.desk2.id }, { etag, key: newKey() }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const loser = answers.find((a) => a.status === 409)!;
    expect(loser.body.error.changes).toEqual([expect.objectContaining({ field: 'assignee', from: null, action: 'assign' })]);
    const after = await adminView(world, number);
    expect(after.history.map((e: any) => e.action)).toEqual(['create', 'assign']);
    expect(after.ticket.assigneeId).toBe(answers[0]!.status === 200 ? people.desk.id : people.desk2.id);
  });

  it('does not treat a reply or work note written meanwhile as a conflict', async () => {
    const number = await raise(world, world.tokens.caller);
    const seen = await read(world.tokens.desk, number);
    expect((await act(world, world.tokens.desk2, number, 'worknote', { body: 'Checked the logs' })).status).toBe(200);
    expect((await act(world, world.tokens.caller, number, 'reply', { body: 'Any update?' })).status).toBe(200);
    const taken = await act(world, world.tokens.desk, number, 'take', {}, { etag: seen.etag });
    expect(taken.status).toBe(200);
    expect(taken.body.history.map((e: any) => e.action)).toEqual(['create', 'worknote', 'reply', 'take']);
  });

  it('refuses a version from the future of the ticket', async () => {
    const number = await raise(world, world.tokens.caller);
    const bogus = await act(world, world.tokens.desk, number, 'take', {}, { etag: '"9-AAAAAAAAAAAAAAAA"' });
    expect([bogus.status, bogus.body.error.message]).toEqual([400, 'The version sent is not one of this ticket: reload it.']);
  });
});
