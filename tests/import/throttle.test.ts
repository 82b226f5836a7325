// Pacing on throttling answers: while a Retry-After runs, the import sends nothing at all, not even the other writes
// it had in flight. The 429 is answered by a fetch wrapper in front of the real store, at a point where several
// writes are under way. The store's own resource-unit budget is exercised in budget.test.ts.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAppPrincipal } from '../../src/api/import/app-principal';
import { runImport } from '../../src/api/import/run-import';
import { ThrottleGate } from '../../src/api/import/throttle-gate';
import { connectCommandLayer } from '../../src/api/runtime';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { createClientCredentialsTokenProvider, NodeHttpTransport } from '../../src/data';
import { SERVICENOW_EVENTS } from '../../src/domain/import/mapping';
import { loadConfig } from '../../src/server/config';
import { startEmbeddedServer, type EmbeddedServer } from '../support/embedded-server';

const SAMPLE = resolve(import.meta.dirname, '../../data/servicenow-sample/incidents-sample.csv');
let server: EmbeddedServer;

beforeAll(async () => {
  server = await startEmbeddedServer({ ITSM_SEED: 'none' });
});

afterAll(async () => {
  await server?.stop();
});

describe('a Retry-After during an import', () => {
  it('holds every request until it has passed, then the import finishes', async () => {
    const sent: { at: number; method: string }[] = [];
    let answered429At = 0;
    let calls = 0;
    const RETRY_AFTER_S = 1;
    // The 12th Graph write is answered 429 while other writes are in flight.
    const real = new NodeHttpTransport();
    const faulty: Middleware = {
      async execute(context: Context) {
        const method = context.options?.method ?? 'GET';
        const isWrite = method === 'POST' && String(context.request).includes('/v1.0/');
        sent.push({ at: Date.now(), method });
        if (isWrite && ++calls === 12) {
          answered429At = Date.now();
          context.response = new Response(JSON.stringify({ error: { code: 'activityLimitReached', message: 'throttled' } }), {
            status: 429, headers: { 'Retry-After': String(RETRY_AFTER_S), 'Content-Type': 'application/json' },
          });
          return;
        }
        await real.execute(context);
      },
    };
    const gate = new ThrottleGate({ inner: faulty });

    const config = loadConfig({});
    const tokens = createClientCredentialsTokenProvider({ authority: `${server.origin}/local-issuer/${server.store.identity.tenantId}`, ...config.app });
    const layer = await connectCommandLayer({ graphBaseUrl: server.origin, tokens, site: config.site, listNames: config.listNames, createMissingLists: true, http: { transport: gate } });
    const file = join(mkdtempSync(join(tmpdir(), 'throttle-')), 'sample.csv');
    writeFileSync(file, readFileSync(SAMPLE, 'utf8'));
    const summary = await runImport({
      file, options: { mapping: SERVICENOW_EVENTS, zone: 'Europe/London' }, target: layer, directory: null,
      principal: importAppPrincipal(config.app.clientId), batchSize: 4, parallel: 4, batchesInFlight: 3,
    });

    expect(summary.tickets.created).toBe(10);
    expect(answered429At).toBeGreaterThan(0);
    expect(gate.stats.throttled).toBe(1);
    const during = sent.filter((s) => s.at > answered429At && s.at < answered429At + RETRY_AFTER_S * 1000 - 20);
    expect(during).toEqual([]);
    expect(sent.some((s) => s.at >= answered429At + RETRY_AFTER_S * 1000 - 20)).toBe(true);
  });
});
