// Defect: a key reused for a different command on the same ticket was answered as a replay and nothing was stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { World } from '../support/api-world';
import { act, adminView, raise, startWorld } from '../support/api-world';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.server.stop();
});

const stateOf = async (number: string) => {
  const all = await adminView(world, number);
  return { state: all.ticket.state, holdReason: all.ticket.holdReason, actions: all.history.map((e: any) => e.action), messages: all.messages.map((m: any) => [m.kind, m.body]) };
};

describe('an Idempotency-Key reused for another request', () => {
  it('refuses a reply and a hold sent with the key of a work note (409), storing neither', async () => {
    const number = await raise(world, world.tokens.caller);
    const key = 'reuse-key-01';
    const note = await act(world, world.tokens.desk, number, 'worknote', { body: 'first' }, { key });
    expect([note.status, note.headers.get('idempotent-replayed')]).toEqual([200, 'false']);

    const replied = await act(world, world.tokens.desk, number, 'reply', { body: 'third' }, { key });
    expect([replied.status, replied.body.error.code, replied.body.error.message, replied.headers.get('idempotent-replayed')]).toEqual([
      409, 'idempotency_key_reused', `This Idempotency-Key was already used on ${number} for a different request (worknote): send a new key for a new change.`, null,
    ]);
    const held = await act(world, world.tokens.desk, number, 'hold', { reason: 'AwaitingOther' }, { key });
    expect([held.status, held.body.error.code]).toEqual([409, 'idempotency_key_reused']);

    expect(await stateOf(number)).toEqual({ state: 'New', holdReason: null, actions: ['create', 'worknote'], messages: [['WorkNote', 'first']] });
  });

  it('refuses the same command with a different body, and replays a true retry (even with the old version)', async () => {
    const number = await raise(world, world.tokens.caller);
    const etag = (await adminView(world, number)).etag;
    const key = 'reuse-key-02';
    const first = await act(world, world.tokens.desk, number, 'hold', { reason: 'AwaitingSupplier' }, { key, etag });
    expect([first.status, first.body.ticket.holdReason]).toEqual([200, 'AwaitingSupplier']);

    const other = await act(world, world.tokens.desk, number, 'hold', { reason: 'AwaitingOther' }, { key, etag });
    expect([other.status, other.body.error.code, other.body.error.message]).toEqual([
      409, 'idempotency_key_reused', `This Idempotency-Key was already used on ${number} for a different request (hold): send a new key for a new change.`,
    ]);
    // Keys in a different order and another version field are still the same request.
    const retry = await act(world, world.tokens.desk, number, 'hold', { expectedVersion: 'ignored', reason: 'AwaitingSupplier' }, { key, etag });
    expect([retry.status, retry.headers.get('idempotent-replayed'), retry.body.ticket.holdReason]).toEqual([200, 'true', 'AwaitingSupplier']);

    expect(await stateOf(number)).toEqual({ state: 'OnHold', holdReason: 'AwaitingSupplier', actions: ['create', 'hold'], messages: [] });
  });

  it('replays a retried reply sent under the same key, with one message stored', async () => {
    const number = await raise(world, world.tokens.caller);
    const key = 'reuse-key-03';
    const first = await act(world, world.tokens.caller, number, 'reply', { body: 'Any news?' }, { key });
    const again = await act(world, world.tokens.caller, number, 'reply', { body: 'Any news?' }, { key });
    expect([first.status, first.headers.get('idempotent-replayed'), again.status, again.headers.get('idempotent-replayed')]).toEqual([200, 'false', 200, 'true']);
    expect(await stateOf(number)).toEqual({ state: 'New', holdReason: null, actions: ['create', 'reply'], messages: [['Reply', 'Any news?']] });
  });

  it('applies the same key on a different ticket as a new command there (keys are scoped to one ticket)', async () => {
    const one = await raise(world, world.tokens.caller);
    const two = await raise(world, world.tokens.caller);
    const key = 'reuse-key-04';
    expect((await act(world, world.tokens.desk, one, 'worknote', { body: 'on one' }, { key })).status).toBe(200);
    const onTwo = await act(world, world.tokens.desk, two, 'hold', { reason: 'AwaitingOther' }, { key });
    expect([onTwo.status, onTwo.headers.get('idempotent-replayed')]).toEqual([200, 'false']);
    expect(await stateOf(one)).toEqual({ state: 'New', holdReason: null, actions: ['create', 'worknote'], messages: [['WorkNote', 'on one']] });
    expect(await stateOf(two)).toEqual({ state: 'OnHold', holdReason: 'AwaitingOther', actions: ['create', 'hold'], messages: [] });
  });
});

describe('an Idempotency-Key reused for another reply to a closed ticket', () => {
  it('refuses it (409) instead of answering with the first follow-up, and raises no second one', async () => {
    const number = await raise(world, world.tokens.caller);
    expect((await act(world, world.tokens.desk, number, 'resolve', { resolutionCode: 'Fixed', note: 'Done' })).status).toBe(200);
    expect((await act(world, world.tokens.caller, number, 'confirm', {})).status).toBe(200);
    const key = 'reuse-key-05';
    const first = await act(world, world.tokens.caller, number, 'reply', { body: 'Broken again' }, { key });
    expect(first.status).toBe(201);
    const other = await act(world, world.tokens.caller, number, 'reply', { body: 'And the scanner too' }, { key });
    expect([other.status, other.body.error.code, other.body.error.message]).toEqual([
      409, 'idempotency_key_reused', `This Idempotency-Key already raised ${first.body.ticket.number} with a different reply: send a new key for a new reply.`,
    ]);
    const retry = await act(world, world.tokens.caller, number, 'reply', { body: 'Broken again' }, { key });
    expect([retry.status, retry.body.ticket.number]).toEqual([200, first.body.ticket.number]);
    const closed = await adminView(world, number);
    expect(closed.history.filter((e: any) => e.action === 'followUp').map((e: any) => e.linkedNumber)).toEqual([first.body.ticket.number]);
    expect((await adminView(world, first.body.ticket.number)).ticket.description).toBe('Broken again');
  });
});
