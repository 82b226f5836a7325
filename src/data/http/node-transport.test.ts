import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Context } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeHttpTransport } from './node-transport';

let origin = '';
const received: { method: string; url: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
const server = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (c: Buffer) => chunks.push(c));
  request.on('end', () => {
    received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
    if (request.url === '/empty') return void response.writeHead(204).end();
    if (request.url === '/slow') return void setTimeout(() => response.end('late'), 500);
    if (request.url === '/drop') return void request.socket.destroy();
    response.writeHead(429, { 'Retry-After': '2', 'content-type': 'application/json', 'set-cookie': ['a=1', 'b=2'] }).end(JSON.stringify({ error: { code: 'tooManyRequests', message: "O'Brien ✓" } }));
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function send(path: string, options: RequestInit): Promise<Response> {
  const context = { request: `${origin}${path}`, options } as Context;
  await new NodeHttpTransport().execute(context);
  return context.response as Response;
}

describe('the node:http transport', () => {
  it('sends method, headers and a UTF-8 body, and answers with status, every header and the body', async () => {
    const answer = await send('/items', { method: 'POST', headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' }, body: JSON.stringify({ Title: "Ann O'Brien ✓" }) });
    const sent = received.at(-1)!;
    expect(sent).toMatchObject({ method: 'POST', url: '/items', body: '{"Title":"Ann O\'Brien ✓"}' });
    expect(sent.headers['authorization']).toBe('Bearer t');
    expect(sent.headers['content-length']).toBe(String(Buffer.byteLength(sent.body)));
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('2');
    expect(answer.headers.get('set-cookie')).toBe('a=1, b=2');
    expect(await answer.json()).toEqual({ error: { code: 'tooManyRequests', message: "O'Brien ✓" } });
  });

  it('sends bytes as they are and accepts a Headers object', async () => {
    await send('/upload', { method: 'PUT', headers: new Headers({ 'content-type': 'application/octet-stream' }), body: new Uint8Array([0, 255, 7]) });
    expect(received.at(-1)!.headers['content-length']).toBe('3');
  });

  it('answers 204 with an empty body', async () => {
    const answer = await send('/empty', { method: 'DELETE' });
    expect(answer.status).toBe(204);
    expect(await answer.text()).toBe('');
  });

  it('fails like fetch: a refused connection carries ECONNREFUSED as its cause', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const context = { request: `http://127.0.0.1:${port}/x`, options: { method: 'POST', body: '{}' } } as Context;
    const failure = await new NotThrown().from(new NodeHttpTransport().execute(context));
    expect(failure).toBeInstanceOf(TypeError);
    expect((failure as { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED');
  });

  it('fails on a dropped connection and rejects with the signal reason when the attempt times out', async () => {
    const dropped = await new NotThrown().from(send('/drop', { method: 'GET' }));
    expect(dropped).toBeInstanceOf(TypeError);
    const timedOut = await new NotThrown().from(send('/slow', { method: 'GET', signal: AbortSignal.timeout(50) }));
    expect((timedOut as Error).name).toBe('TimeoutError');
  });
});

/** The error a promise rejects with; fails the test if it resolves. */
class NotThrown {
  async from(promise: Promise<unknown>): Promise<unknown> {
    try {
      await promise;
    } catch (error) {
      return error;
    }
    throw new Error('expected a failure');
  }
}

describe('redirects', () => {
  it('follows a redirect to another origin as fetch does, without the bearer token', async () => {
    const other = http.createServer((request, response) => response.end(`auth=${request.headers['authorization'] ?? 'none'}`));
    await new Promise<void>((resolve) => other.listen(0, 'localhost', resolve));
    const target = `http://localhost:${(other.address() as AddressInfo).port}/download`;
    const redirecting = http.createServer((_, response) => response.writeHead(302, { location: target }).end());
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    try {
      const context = { request: `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}/content`, options: { method: 'GET', headers: { authorization: 'Bearer secret' } } } as Context;
      await new NodeHttpTransport().execute(context);
      const answer = context.response as Response;
      expect(answer.status).toBe(200);
      expect(await answer.text()).toBe('auth=none');
    } finally {
      await new Promise<void>((resolve) => redirecting.close(() => resolve()));
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
  });
});
