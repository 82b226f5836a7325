import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild } from '../../scripts/lib/web-build';
import type { DevUserDto } from '../../src/contracts/api';
import type { EmbeddedServer } from '../support/embedded-server';
import { call, startEmbeddedServer, tokenFor } from '../support/embedded-server';

let server: EmbeddedServer;
let requester: string;

beforeAll(async () => {
  await ensureWebBuild(() => undefined);
  server = await startEmbeddedServer();
  const users = (await call(server.origin, '/dev/users')).body as unknown as DevUserDto[];
  requester = await tokenFor(server.origin, users.find((u) => u.roles.length === 0)!.upn);
});

afterAll(async () => {
  await server?.stop();
});

describe('bad input gets a clear error in the API shape', () => {
  it('a malformed URL', async () => {
    const answer = await call(server.origin, '/api/queues/%zz', { token: requester });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toEqual({ code: 'bad_url', message: 'The address is not a valid URL (check its percent-encoding).' });
  });

  it('a body over the limit says the limit', async () => {
    const answer = await call(server.origin, '/api/incidents', { token: requester, body: { title: 'x'.repeat(1_100_000), impact: 1, urgency: 1 } });
    expect(answer.status).toBe(413);
    expect(answer.body.error.message).toBe('The request body is larger than the 1024 KB limit. Attach large files separately.');
  });

  it('a JSON command sent as text/plain is refused, not read as empty', async () => {
    const answer = await call(server.origin, '/api/incidents', {
      token: requester, body: '{"title":"x","impact":1,"urgency":1}', headers: { 'content-type': 'text/plain' },
    });
    expect(answer.status).toBe(415);
    expect(answer.body.error.message).toBe('Send the body as JSON with the header Content-Type: application/json.');
  });

  it('a reserved __proto__ key and broken JSON', async () => {
    const proto = await call(server.origin, '/api/incidents', { token: requester, body: '{"__proto__": {"x": 1}, "title": "t"}' });
    expect(proto.status).toBe(400);
    expect(proto.body.error.message).toBe('The body is not valid JSON (check its quotes, commas and brackets), or it uses the reserved key __proto__.');
    const broken = await call(server.origin, '/dev/token', { body: '{"upn": ' });
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('bad_request');
  });

  it('an address too long for the server is refused in the API shape, naming what to shorten', async () => {
    const answer = await fetch(`${server.origin}/api/people?search=${'a'.repeat(100_000)}`, { headers: { authorization: `Bearer ${requester}` } });
    expect(answer.status).toBe(431);
    expect(await answer.json()).toEqual({ error: { code: 'request_too_large', message: 'The address or the headers are larger than the server reads (16 KB together). Shorten the query or the search text.' } });
  });

  it('an address part longer than the router reads', async () => {
    const answer = await call(server.origin, `/api/tickets/${'X'.repeat(5000)}`, { token: requester });
    expect([answer.status, answer.body.error]).toEqual([414, { code: 'too_long', message: 'A part of the address is longer than 100 characters (a ticket number has at most 48).' }]);
  });

  it('a page size or top that is not plain digits, and a day the calendar lacks', async () => {
    for (const size of ['1e2', '0x10', ' 5', '5.0']) {
      const answer = await call(server.origin, `/api/my/tickets?pageSize=${encodeURIComponent(size)}`, { token: requester });
      expect([size, answer.status, answer.body.error.message]).toEqual([size, 400, 'pageSize must be a whole number from 1 to 200.']);
    }
    expect((await call(server.origin, '/api/my/tickets?pageSize=20', { token: requester })).status).toBe(200);
  });

  it('a missing file is a 404, not the tab page under its name', async () => {
    for (const path of ['/assets/nope.js', '/favicon.ico', '/index-abc.js.map']) {
      expect((await call(server.origin, path)).status).toBe(404);
    }
    expect((await call(server.origin, '/tickets/INC-1')).status).toBe(200);
  });
});
