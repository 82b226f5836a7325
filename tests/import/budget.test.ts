// With the store's per-app resource-unit budget on (as SharePoint applies to apps), importing 500 incidents sends
// nothing while a Retry-After runs (whether the 429 is a whole answer or a step inside a $batch) and finishes no
// faster than the budget allows.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAppPrincipal } from '../../src/api/import/app-principal';
import { runImport } from '../../src/api/import/run-import';
import { readRecords } from '../../src/api/import/source';
import { ThrottleGate } from '../../src/api/import/throttle-gate';
import { connectCommandLayer } from '../../src/api/runtime';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { createClientCredentialsTokenProvider, NodeHttpTransport } from '../../src/data';
import { SERVICENOW_EVENTS } from '../../src/domain/import/mapping';
import { loadConfig } from '../../src/server/config';
import { DEMO_SLICE } from '../../src/server/seed/run-seed';
import { call, startEmbeddedServer, type EmbeddedServer } from '../support/embedded-server';

const INCIDENTS = 500;
const PER_WINDOW = 300;
const WINDOW_S = 2;
let server: EmbeddedServer;

/** The first 500 incidents of the demo slice, all their rows, as a CSV file. */
async function sampleOf500(): Promise<string> {
  const lines: string[] = [];
  const seen = new Set<string>();
  for await (const { record } of readRecords(DEMO_SLICE)) {
    if (lines.length > 0) {
      if (!seen.has(record[0]!) && seen.size === INCIDENTS) break;
      seen.add(record[0]!);
    }
    lines.push(record.join(','));
  }
  const file = join(mkdtempSync(join(tmpdir(), 'budget-')), 'sample-500.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

beforeAll(async () => {
  server = await startEmbeddedServer({ ITSM_SEED: 'none', ITSM_STORE_TEST_CONTROLS: '1' });
});

afterAll(async () => {
  await server?.stop();
});

describe('an import under a resource-unit budget', () => {
  it('waits out every Retry-After without sending, and takes as long as the budget requires', { timeout: 120_000 }, async () => {
    const file = await sampleOf500();
    const config = loadConfig({});
    const tokens = createClientCredentialsTokenProvider({ authority: `${server.origin}/local-issuer/${server.store.identity.tenantId}`, ...config.app });
    // What went out and when, and every throttling answer (whole or per $batch step) with its Retry-After.
    const sent: number[] = [];
    const waits: { from: number; to: number }[] = [];
    const real = new NodeHttpTransport();
    const recording: Middleware = {
      async execute(context: Context) {
        const url = String(context.request);
        if (url.includes('/v1.0/')) sent.push(Date.now());
        await real.execute(context);
        const response = context.response as Response;
        const answered = Date.now();
        const note = (status: number, retryAfter: string | null | undefined) => {
          if (status === 429) waits.push({ from: answered, to: answered + Number(retryAfter ?? 1) * 1000 });
        };
        note(response.status, response.headers.get('retry-after'));
        if (url.includes('$batch') && response.status === 200) {
          const body = (await response.clone().json()) as { responses: { status: number; headers?: Record<string, string> }[] };
          for (const step of body.responses) note(step.status, step.headers?.['Retry-After'] ?? step.headers?.['retry-after']);
        }
      },
    };
    const gate = new ThrottleGate({ inner: recording });
    const layer = await connectCommandLayer({ graphBaseUrl: server.origin, tokens, site: config.site, listNames: config.listNames, createMissingLists: true, http: { transport: gate } });
    expect((await call(server.origin, '/_store/budget', { body: { perMinute: PER_WINDOW, windowSeconds: WINDOW_S } })).status).toBe(200);

    const started = Date.now();
    const summary = await runImport({
      file, options: { mapping: SERVICENOW_EVENTS, zone: 'Europe/London' }, target: layer, directory: null,
      principal: importAppPrincipal(config.app.clientId), batchTries: 10, batchPauseMs: 500,
    });
    const elapsed = Date.now() - started;
    await call(server.origin, '/_store/budget', { method: 'DELETE' });

    expect(summary.tickets.created).toBe(INCIDENTS);
    expect(waits.length).toBeGreaterThan(0);
    // Nothing left while a Retry-After ran (a few ms of slack for the clock between answer and record).
    for (const w of waits) expect(sent.filter((t) => t > w.from + 5 && t < w.to - 5)).toEqual([]);
    // 500 creates cost 2 RU each: at 300 RU per 2 s window that needs at least (1,000 / 300 - 1) windows.
    expect(elapsed).toBeGreaterThanOrEqual((((INCIDENTS * 2) / PER_WINDOW) - 1) * WINDOW_S * 1000);
    console.log(`500 incidents under ${PER_WINDOW} RU per ${WINDOW_S} s: ${(elapsed / 1000).toFixed(1)} s, ${waits.length} throttling answers, ${sent.length} requests`);
  });
});
