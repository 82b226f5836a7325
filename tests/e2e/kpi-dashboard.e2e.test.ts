// The dashboard shows the same numbers as `npm run report` for the same period and store, reaches a drill-down by
// keyboard, has no serious axe-core finding, and at 320 px does not scroll sideways.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kpiServicesFor } from '../../src/server/kpi-wiring';
import { rebuildAll } from '../../src/api/kpi/rebuild';
import { connectForScript } from '../../scripts/lib/kpi/target';
import { ensureWebBuild } from '../../scripts/lib/web-build';
import { launchChromium } from '../support/browser';
import { call, startEmbeddedServer, tokenFor, type EmbeddedServer } from '../support/embedded-server';
import { FAKE_HOST_PATH, installFakeHost, presetToken, tabFrame } from './fake-teams-host/host';
import { seriousViolations, sidewaysOverflow, tabTo, widestElements } from './support-tab';

const run = promisify(execFile);
let server: EmbeddedServer;
let browser: Browser;
let admin = '';

const pad = (n: number) => String(n).padStart(2, '0');
const now = new Date();
const from = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-01`;
const to = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(new Date(now.getFullYear(), now.getMonth() + 1, 0).getDate())}`;

beforeAll(async () => {
  await ensureWebBuild(() => undefined);
  server = await startEmbeddedServer();
  browser = await launchChromium();
  const users = (await call(server.origin, '/dev/users')).body as unknown as { upn: string; roles: string[] }[];
  admin = await tokenFor(server.origin, users.find((u) => u.roles.includes('Admin'))!.upn);
  await rebuildAll(kpiServicesFor(await connectForScript({ PORT: '0', ITSM_DATA_DIR: server.dataDir }, server.origin)), new Date());
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openDashboard(width: number): Promise<{ tab: Frame; page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  await installFakeHost(context, server.origin, { context: { theme: 'default' } });
  await presetToken(context, admin);
  const page = await context.newPage();
  await page.goto(`${server.origin}${FAKE_HOST_PATH}`);
  const tab = await tabFrame(page);
  await tab.evaluate(() => (window.location.hash = '#/dashboard'));
  await tab.locator('[data-kpi-value="opened"]').waitFor({ timeout: 20_000 });
  await expect.poll(() => tab.locator('.fui-Spinner').count(), { timeout: 15_000 }).toBe(0);
  return { tab, page, close: () => context.close() };
}

describe('the KPI dashboard', () => {
  it('shows the same numbers as npm run report for this month', async () => {
    const env = { ...process.env, ITSM_DATA_DIR: server.dataDir };
    const { stdout } = await run('npx', ['tsx', 'scripts/report.ts', '--from', from, '--to', to, '--format', 'json', '--origin', server.origin], { env });
    const report = JSON.parse(stdout) as { figures: { id: string; display: string }[] };
    const { tab, close } = await openDashboard(1280);
    for (const f of report.figures) expect([f.id, (await tab.locator(`[data-kpi-value="${f.id}"]`).innerText()).trim()]).toEqual([f.id, f.display]);
    await close();
  }, 120_000);

  it('drills down from a number by keyboard, with no serious axe finding, and fits 320 px', async () => {
    for (const width of [1280, 320]) {
      const { tab, page, close } = await openDashboard(width);
      expect(await seriousViolations(tab)).toEqual([]);
      expect([width, await sidewaysOverflow(tab), await widestElements(tab)]).toEqual([width, 0, []]);
      const value = tab.locator('[data-kpi-value="opened"]');
      await tabTo(page, value, 120);
      await page.keyboard.press('Enter');
      await tab.getByRole('heading', { name: /Tickets behind Opened/ }).waitFor();
      await expect.poll(() => tab.locator('.fui-Spinner').count(), { timeout: 15_000 }).toBe(0);
      expect(await seriousViolations(tab)).toEqual([]);
      expect(await sidewaysOverflow(tab)).toBe(0);
      await close();
    }
  }, 120_000);
});
