import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevUserDto, ReferenceDataResponse } from '../../src/contracts/api';
import type { EmbeddedServer } from '../support/embedded-server';
import { call, startEmbeddedServer, tokenFor } from '../support/embedded-server';

let server: EmbeddedServer;
let requester: string;
let serviceId: string;

beforeAll(async () => {
  server = await startEmbeddedServer();
  const users = (await call(server.origin, '/dev/users')).body as unknown as DevUserDto[];
  requester = await tokenFor(server.origin, users.find((u) => u.roles.length === 0)!.upn);
  serviceId = ((await call(server.origin, '/api/reference', { token: requester })).body as ReferenceDataResponse).services[0]!.key;
});

afterAll(async () => {
  await server?.stop();
});

describe('creates under retries and races', () => {
  it('20 concurrent creates with one Idempotency-Key make exactly one ticket', async () => {
    const body = { title: 'Concurrent retry', impact: 2, urgency: 2, serviceId };
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => call(server.origin, '/api/incidents', { token: requester, body, headers: { 'idempotency-key': 'race-key-0001' } })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([...Array<number>(19).fill(200), 201]);
    expect(new Set(answers.map((a) => a.body.ticket.number)).size).toBe(1);
    expect(answers[0]!.body.ticket.number).toMatch(/^INC-\d+$/);
  });

  it('refuses the same key for a different request (409, as docs/api.md says), naming the ticket it raised', async () => {
    const headers = { 'idempotency-key': 'reuse-key-0001' };
    const first = await call(server.origin, '/api/incidents', { token: requester, body: { title: 'First', impact: 3, urgency: 3, serviceId }, headers });
    const other = await call(server.origin, '/api/incidents', { token: requester, body: { title: 'Different', impact: 1, urgency: 1, serviceId }, headers });
    expect([other.status, other.body.error.code]).toEqual([409, 'idempotency_key_reused']);
    expect(other.body.error.message).toBe(`This Idempotency-Key already raised ${first.body.ticket.number} with different details: send a new key for a new ticket.`);
    const kept = await call(server.origin, `/api/tickets/${first.body.ticket.number}`, { token: requester });
    expect([kept.body.ticket.title, kept.body.ticket.impact, kept.body.history.length]).toEqual(['First', 3, 1]);
  });

  it('asks for a service when no triage group is configured, instead of raising a ticket no queue shows', async () => {
    const answer = await call(server.origin, '/api/incidents', { token: requester, body: { title: 'No service', impact: 2, urgency: 2 } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.details).toEqual([{ field: 'serviceId', message: 'Choose the affected service: there is no triage group for tickets without one.' }]);
  });
});
