// Issue 7's end-to-end check: the whole ServiceNow log imported into an empty local store, the aggregates rebuilt,
// `npm run report` over the whole period, and the dashboard over the same period shows the same numbers. Skipped
// when ../shared/data does not hold the log. Takes a few minutes (import and rebuild of about 25,000 tickets).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAppPrincipal } from '../../src/api/import/app-principal';
import { runImport } from '../../src/api/import/run-import';
import { rebuildAll } from '../../src/api/kpi/rebuild';
import { SERVICENOW_EVENTS } from '../../src/domain/import/mapping';
import { kpiServicesFor } from '../../src/server/kpi-wiring';
import { FULL_LOG } from '../../scripts/bench/import';
import { connectForScript } from '../../scripts/lib/kpi/target';
import { ensureWebBuild } from '../../scripts/lib/web-build';
import { launchChromium } from '../support/browser';
import { startEmbeddedServer, tokenFor, type EmbeddedServer } from '../support/embedded-server';
import { presetToken } from './fake-teams-host/host';

const run = promisify(execFile);
const FROM = '2016-01-01';
const TO = '2017-12-31';
let server: EmbeddedServer;
let browser: Browser;
let token = '';

describe.skipIf(!existsSync(FULL_LOG))('the whole imported log', () => {
  beforeAll(async () => {
    await ensureWebBuild(() => undefined);
    server = await startEmbeddedServer({ ITSM_SEED: 'none', ITSM_WORKER: 'off' });
    server.store.directory.upsertPeople([{ id: 'a0000000-0000-4000-8000-0000000000e7', userPrincipalName: 'kpi.e2e@e2e.example', displayName: 'KPI E2E', mail: null, appRoles: ['Admin'], groups: [] }]);
    token = await tokenFor(server.origin, 'kpi.e2e@e2e.example');
    const layer = await connectForScript({ PORT: '0', ITSM_DATA_DIR: server.dataDir }, server.origin);
    await runImport({ file: FULL_LOG, options: { mapping: SERVICENOW_EVENTS, zone: 'Europe/London' }, target: layer, directory: null, principal: importAppPrincipal('kpi-e2e'), parallel: 6, batchesInFlight: 3 });
    await rebuildAll(kpiServicesFor(layer), new Date());
    browser = await launchChromium();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows on the dashboard exactly the figures npm run report prints for the whole period', async () => {
    const env = { ...process.env, ITSM_DATA_DIR: server.dataDir };
    const { stdout } = await run('npx', ['tsx', 'scripts/report.ts', '--from', FROM, '--to', TO, '--format', 'json', '--origin', server.origin], { env, maxBuffer: 1 << 24 });
    const report = JSON.parse(stdout) as { figures: { id: string; display: string; value: number | null }[] };
    expect(report.figures.find((f) => f.id === 'opened')!.value).toBeGreaterThan(20_000);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await presetToken(context, token);
    const page = await context.newPage();
    await page.goto(`${server.origin}/#/dashboard?from=${FROM}&to=${TO}`);
    await page.locator('[data-kpi-value="opened"]').waitFor({ timeout: 60_000 });
    for (const f of report.figures) expect([f.id, (await page.locator(`[data-kpi-value="${f.id}"]`).innerText()).trim()]).toEqual([f.id, f.display]);
    await context.close();
  }, 120_000);

  // Both were refused on this log (decisions 0405 and 0406): a month of it holds 6,400 day cells, and nearly every
  // ticket was opened after 2016-03-01.
  it('answers the weekly trend over twelve months and drills a month into exactly the tickets its figures count', async () => {
    const api = async (path: string) => {
      const r = await fetch(`${server.origin}${path}`, { headers: { authorization: `Bearer ${token}` } });
      const body = (await r.json()) as Record<string, unknown>;
      expect(r.status, JSON.stringify(body).slice(0, 300)).toBe(200);
      return body;
    };
    const trend = await api('/api/kpi/trend?from=2016-03-01&to=2017-02-28&grain=week');
    expect((trend.points as unknown[]).length).toBe(53);
    const month = 'from=2016-03-01&to=2016-03-31';
    const figures = (await api(`/api/kpi?${month}`)).figures as { id: string; value: number }[];
    for (const id of ['opened', 'resolved', 'closed']) {
      const rows = (await api(`/api/kpi/drill?figure=${id}&${month}`)).rows as { number: string }[];
      expect([id, rows.length]).toEqual([id, figures.find((f) => f.id === id)!.value]);
      expect(rows.length).toBeGreaterThan(1000);
    }
  }, 300_000);
});
