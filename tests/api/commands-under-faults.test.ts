import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevUserDto } from '../../src/contracts/api';
import type { EmbeddedServer } from '../support/embedded-server';
import { call, startEmbeddedServer, tokenFor } from '../support/embedded-server';

// Issue 3: the commands under 10 % injected faults between the API and the store. A client that retries with the
// same Idempotency-Key (and re-reads the version after a conflict) must end with every ticket once and every
// history entry once.
const TEN_PERCENT = {
  throttle: { probability: 0.02, retryAfterSeconds: 0 },
  unavailable: { probability: 0.02, retryAfterSeconds: 0 },
  slow: { probability: 0.02, delayMs: 100 },
  drop: { probability: 0.04, phase: 'either' },
  seed: 31,
};
const TICKETS = 16;

let server: EmbeddedServer;
let requester: string;
let analyst: string;
let serviceId: string;

type Answer = Awaited<ReturnType<typeof call>>;

/** Sends until the API gives a final answer; 5xx and lost connections are retried with the same key. */
async function until(send: () => Promise<Answer>): Promise<Answer> {
  for (let attempt = 1; attempt <= 25; attempt += 1) {
    const answer = await send().catch(() => null);
    if (answer && answer.status < 500) return answer;
  }
  throw new Error('no final answer after 25 tries');
}

async function command(number: string, action: string, body: Record<string, unknown>, key: string): Promise<Answer> {
  for (;;) {
    const detail = await until(() => call(server.origin, `/api/tickets/${number}`, { token: analyst }));
    const answer = await until(() => call(server.origin, `/api/tickets/${number}/${action}`, {
      token: analyst, body, headers: { 'if-match': detail.body.etag, 'idempotency-key': key },
    }));
    if (answer.status === 409 && answer.body.error.code === 'conflict') continue; // read again, apply again
    return answer;
  }
}

beforeAll(async () => {
  server = await startEmbeddedServer({ ITSM_STORE_TEST_CONTROLS: '1' });
  const users = (await call(server.origin, '/dev/users')).body as unknown as DevUserDto[];
  requester = await tokenFor(server.origin, users.find((u) => u.roles.length === 0)!.upn);
  analyst = await tokenFor(server.origin, users.find((u) => u.jobTitle === 'ITSM Administrator')!.upn);
  serviceId = (await call(server.origin, '/api/reference', { token: requester })).body.services[0].key;
  await fetch(`${server.origin}/_store/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(TEN_PERCENT) });
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

describe('ticket commands under 10 % injected faults', () => {
  it('lose and double nothing: each ticket once, each history entry once', async () => {
    const numbers: string[] = [];
    for (let i = 0; i < TICKETS; i += 1) {
      const created = await until(() => call(server.origin, '/api/incidents', {
        token: requester, body: { title: `Fault run ${i}`, impact: 2, urgency: 2, serviceId }, headers: { 'idempotency-key': `fault-create-${i}` },
      }));
      expect([200, 201]).toContain(created.status);
      const number = created.body.ticket.number as string;
      numbers.push(number);
      expect((await command(number, 'take', {}, `fault-take-${i}`)).status).toBe(200);
      expect((await command(number, 'reply', { body: `Looking at it (${i})` }, `fault-reply-${i}`)).status).toBe(200);
      expect((await command(number, 'resolve', { resolutionCode: 'Fixed', note: 'Restarted the service.' }, `fault-resolve-${i}`)).status).toBe(200);
    }
    const injected = (await (await fetch(`${server.origin}/_store/faults`)).json()) as { injected: Record<string, number> };
    await fetch(`${server.origin}/_store/faults`, { method: 'DELETE' });
    expect(Object.values(injected.injected).reduce((a, b) => a + b, 0)).toBeGreaterThan(10);

    expect(new Set(numbers).size).toBe(TICKETS);
    for (const number of numbers) {
      const detail = await call(server.origin, `/api/tickets/${number}`, { token: analyst });
      expect(detail.body.ticket.state).toBe('Resolved');
      expect(detail.body.history.map((h: { action: string }) => h.action)).toEqual(['create', 'take', 'reply', 'resolve']);
    }
    const mine: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Answer = await call(server.origin, `/api/my/tickets?status=all&pageSize=200${cursor ? `&cursor=${cursor}` : ''}`, { token: requester });
      mine.push(...page.body.items.filter((t: { title: string }) => t.title.startsWith('Fault run ')).map((t: { number: string }) => t.number));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(mine.sort()).toEqual([...numbers].sort());
  }, 240_000);
});
