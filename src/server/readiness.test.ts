import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { readinessGate } from './readiness';

describe('readiness gate', () => {
  it('answers 503 with the phase on the API and dev sign-in until opened, and never blocks the store', async () => {
    const app = Fastify();
    const gate = readinessGate(app);
    app.get('/api/me', async () => ({ ok: true }));
    app.get('/v1.0/sites', async () => ({ value: [] }));
    gate.phase('seeding demo data');
    const early = await app.inject({ url: '/api/me' });
    expect(early.statusCode).toBe(503);
    expect(early.headers['retry-after']).toBe('5');
    expect(early.json()).toEqual({ error: { code: 'starting', message: 'The service is starting (seeding demo data); try again in a few seconds.' } });
    expect((await app.inject({ url: '/v1.0/sites' })).statusCode).toBe(200);
    gate.open();
    expect((await app.inject({ url: '/api/me' })).json()).toEqual({ ok: true });
  });
});
