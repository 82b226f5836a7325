// The KPI dashboard in the browser: a dashboard load from the aggregates (median of 5 cold loads with a pre-issued
// token, until every tile shows a number), and the tab's JS heap while it shows twelve months (used heap after a
// forced garbage collection, read through the Chrome DevTools protocol). Runs on the whole imported log when
// ../shared/data has it (a month and a group: its busiest), else on the demo store for this month.
import { existsSync } from 'node:fs';
import { importAppPrincipal } from '../../src/api/import/app-principal';
import { runImport } from '../../src/api/import/run-import';
import { SERVICENOW_EVENTS } from '../../src/domain/import/mapping';
import { FULL_LOG } from './import';
import type { Browser, Page } from 'playwright-core';
import { kpiServicesFor } from '../../src/server/kpi-wiring';
import { rebuildAll } from '../../src/api/kpi/rebuild';
import { KPI_IDS } from '../../src/domain/kpi';
import { launchChromium } from '../../tests/support/browser';
import { presetToken } from '../../tests/e2e/fake-teams-host/host';
import { call, startEmbeddedServer, tokenFor } from '../../tests/support/embedded-server';
import { ensureWebBuild } from '../lib/web-build';
import { connectForScript } from '../lib/kpi/target';

const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Milliseconds from navigation start until every tile shows its number. */
async function tilesShown(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    (count) => {
      const values = [...document.querySelectorAll('[data-kpi-value]')];
      return values.length === count && values.every((v) => (v.textContent ?? '').trim() !== '') ? performance.now() : false;
    },
    KPI_IDS.length,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await handle.jsonValue()) as number;
}

async function coldLoads(browser: Browser, origin: string, token: string, hash: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    await presetToken(context, token);
    const page = await context.newPage();
    await page.goto(`${origin}/${hash}`);
    times.push(await tilesShown(page));
    await context.close();
  }
  return times;
}

async function twelveMonthHeap(browser: Browser, origin: string, token: string, from: string, to: string): Promise<number> {
  const context = await browser.newContext();
  await presetToken(context, token);
  const page = await context.newPage();
  await page.goto(`${origin}/#/dashboard?from=${from}&to=${to}`);
  await tilesShown(page);
  // The trend by week draws every week of the twelve months too: wait until both charts are drawn.
  for (const grain of ['week', 'month']) {
    await page.locator(`[data-trend-chart="${grain}"] svg, [data-trend-chart="${grain}"] p`).first().waitFor({ timeout: 60_000 });
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await context.close();
  return heap.usedSize;
}

const ADMIN = { id: 'a0000000-0000-4000-8000-0000000000b1', userPrincipalName: 'kpi.bench@bench.example', displayName: 'KPI Bench', mail: 'kpi.bench@bench.example', appRoles: ['Admin' as const], groups: [] as string[] };

export async function runKpiDashboardBench(): Promise<void> {
  await ensureWebBuild(() => undefined);
  const real = existsSync(FULL_LOG);
  const server = await startEmbeddedServer({ ITSM_WORKER: 'off', ...(real ? { ITSM_SEED: 'none' } : {}) });
  const browser = await launchChromium();
  try {
    server.store.directory.upsertPeople([ADMIN]);
    const token = await tokenFor(server.origin, ADMIN.userPrincipalName);
    const layer = await connectForScript({ PORT: '0', ITSM_DATA_DIR: server.dataDir }, server.origin);
    if (real) {
      const imported = await runImport({ file: FULL_LOG, options: { mapping: SERVICENOW_EVENTS, zone: 'Europe/London' }, target: layer, directory: null, principal: importAppPrincipal('kpi-bench'), parallel: 6, batchesInFlight: 3 });
      console.log(`Imported the whole log: ${imported.incidents} tickets in ${imported.seconds.toFixed(1)} s.`);
    }
    const rebuilt = await rebuildAll(kpiServicesFor(layer), new Date());
    console.log(`Aggregates: ${rebuilt.tickets} tickets, ${rebuilt.cells} cells, rebuilt in ${rebuilt.seconds.toFixed(1)} s.`);
    const [month, year] = real ? [['2016-03-01', '2016-03-31'], ['2016-03-01', '2017-02-28']] : [['', ''], ['', '']];
    let hash = '#/dashboard';
    if (real) {
      // The busiest group of the month, so the load reads its biggest cells.
      const groups = ((await call(server.origin, '/api/reference', { token })).body.supportGroups as { key: string }[]).slice(0, 15);
      let best = { key: '', opened: -1 };
      for (const g of groups) {
        const r = await call(server.origin, `/api/kpi?from=${month[0]}&to=${month[1]}&group=${encodeURIComponent(g.key)}`, { token });
        const opened = (r.body.figures as { id: string; value: number }[]).find((f) => f.id === 'opened')!.value;
        if (opened > best.opened) best = { key: g.key, opened };
      }
      hash = `#/dashboard?from=${month[0]}&to=${month[1]}&group=${encodeURIComponent(best.key)}`;
      console.log(`Dashboard scope: ${month[0]} to ${month[1]}, group ${best.key} (${best.opened} tickets opened).`);
    }
    const loads = await coldLoads(browser, server.origin, token, hash);
    console.log(`Dashboard load from aggregates: every tile shows a number, ${RUNS} cold loads: ${loads.map((t) => t.toFixed(0)).join(', ')} ms; median ${median(loads).toFixed(0)} ms (target < 2000 ms)`);
    const now = new Date();
    const from = real ? year[0]! : new Date(now.getFullYear(), now.getMonth() - 11, 1).toISOString().slice(0, 10);
    const to = real ? year[1]! : now.toISOString().slice(0, 10);
    const heap = await twelveMonthHeap(browser, server.origin, token, from, to);
    console.log(`Tab JS heap showing twelve months, after a forced GC: ${(heap / 1024 / 1024).toFixed(1)} MB (target < 150 MB)`);
  } finally {
    await browser.close();
    await server.stop();
  }
}
