// Defect: reply and work-note refusals named the field `note`, though the request sends the text as `body`.
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

describe('reply and work note refusals name the field the client sent', () => {
  it.each([
    ['reply', 'no body', {}, 'A reply is required.'],
    ['reply', 'a blank body', { body: '   ' }, 'A reply is required.'],
    ['worknote', 'no body', {}, 'A work note is required.'],
    ['reply', 'a body of 20,001 characters', { body: 'x'.repeat(20_001) }, 'The reply is 20001 characters; the limit is 20000.'],
  ])('%s with %s: 400 on `body`, nothing stored', async (action, _what, body, message) => {
    const number = await raise(world, world.tokens.caller);
    const refused = await act(world, world.tokens.desk, number, action, body);
    expect([refused.status, refused.body.error.code, refused.body.error.details]).toEqual([400, 'validation', [{ field: 'body', message }]]);
    const after = await adminView(world, number);
    expect([after.history.map((e: any) => e.action), after.messages]).toEqual([['create'], []]);
  });
});
