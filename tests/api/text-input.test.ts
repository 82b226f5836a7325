// User text through the API: characters refused by the shared domain reader (decision 0415) come back as coded 400s
// naming the field and the position, and nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild } from '../../scripts/lib/web-build';
import type { DevUserDto } from '../../src/contracts/api';
import type { EmbeddedServer } from '../support/embedded-server';
import { call, startEmbeddedServer, tokenFor } from '../support/embedded-server';

let server: EmbeddedServer;
let requester: string;
let admin: string;

beforeAll(async () => {
  await ensureWebBuild(() => undefined);
  server = await startEmbeddedServer();
  const users = (await call(server.origin, '/dev/users')).body as unknown as DevUserDto[];
  requester = await tokenFor(server.origin, users.find((u) => u.roles.length === 0)!.upn);
  admin = await tokenFor(server.origin, users.find((u) => u.roles.includes('Admin'))!.upn);
});

afterAll(async () => {
  await server?.stop();
});

describe('control and direction characters in user text', () => {
  it('a title with NUL, BEL or a right-to-left override is refused with the field and position, and nothing is stored', async () => {
    const mine = async () => ((await call(server.origin, '/api/my/tickets?status=all&pageSize=200', { token: requester })).body.items as unknown[]).length;
    const before = await mine();
    const answers = [];
    for (const [i, title] of ['Printer\u0000 down', 'Ding\u0007', '\u202eLTR override'].entries()) {
      const answer = await call(server.origin, '/api/incidents', { token: requester, body: { title, impact: 3, urgency: 3 }, headers: { 'idempotency-key': `control-char-${i}` } });
      answers.push([answer.status, answer.body.error.code, answer.body.error.details]);
    }
    expect(answers).toEqual([
      [400, 'invalid_character', [{ field: 'title', message: 'The title contains a control character, U+0000 (NUL), at character 8; remove it.' }]],
      [400, 'invalid_character', [{ field: 'title', message: 'The title contains a control character, U+0007 (BEL), at character 5; remove it.' }]],
      [400, 'invalid_character', [{ field: 'title', message: 'The title contains an invisible text-direction control, U+202E (right-to-left override), at character 1; it can make text read backwards, so remove it.' }]],
    ]);
    expect(await mine()).toBe(before);
  });

  it('an admin naming a category with NUL is refused, and the category is not stored', async () => {
    const answer = await call(server.origin, '/api/admin/categories', { token: admin, body: { key: 'nul-test', name: 'Printers\u0000' } });
    expect([answer.status, answer.body.error]).toEqual([
      400,
      { code: 'invalid_character', message: 'The name contains a control character, U+0000 (NUL), at character 9; remove it.', details: [{ field: 'name', message: 'The name contains a control character, U+0000 (NUL), at character 9; remove it.' }] },
    ]);
    const list = (await call(server.origin, '/api/admin/categories', { token: admin })).body.items as { key: string }[];
    expect(list.some((c) => c.key === 'nul-test')).toBe(false);
  });
});
