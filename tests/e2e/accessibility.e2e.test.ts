import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild } from '../../scripts/lib/web-build';
import { launchChromium } from '../support/browser';
import type { EmbeddedServer } from '../support/embedded-server';
import { call, startEmbeddedServer, tokenFor } from '../support/embedded-server';
import { FAKE_HOST_PATH, installFakeHost, presetToken, tabFrame } from './fake-teams-host/host';
import { seriousViolations, sidewaysOverflow, widestElements } from './support-tab';

// Every view, as each kind of person sees it, in the three Teams themes: no serious or critical axe-core finding,
// and at 320 CSS pixels no page scrolls sideways (grids scroll inside their own labelled region).

let server: EmbeddedServer;
let browser: Browser;
const tokens: Record<'staff' | 'analyst' | 'admin', string> = { staff: '', analyst: '', admin: '' };
let number = '';

beforeAll(async () => {
  await ensureWebBuild(() => undefined);
  server = await startEmbeddedServer();
  browser = await launchChromium();
  const users = (await call(server.origin, '/dev/users')).body as unknown as { upn: string; roles: string[] }[];
  tokens.staff = await tokenFor(server.origin, users.find((u) => u.roles.length === 0)!.upn);
  tokens.analyst = await tokenFor(server.origin, users.find((u) => u.roles.includes('Analyst') && !u.roles.includes('Admin'))!.upn);
  tokens.admin = await tokenFor(server.origin, users.find((u) => u.roles.includes('Admin'))!.upn);
  const serviceKey = ((await call(server.origin, '/api/reference', { token: tokens.staff })).body.services as { key: string }[])[0]!.key;
  const created = await call(server.origin, '/api/incidents', {
    token: tokens.staff,
    body: { title: `Screen reader can't read the <b>menu</b> 🙈`, description: 'Since this morning.', impact: 2, urgency: 2, serviceId: serviceKey },
    headers: { 'idempotency-key': 'a11y-ticket-0001' },
  });
  number = created.body.ticket.number as string;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const VIEWS = (): Record<keyof typeof tokens, string[]> => ({
  staff: ['#/raise', '#/my-tickets', `#/tickets/${number}`, '#/nowhere'],
  analyst: ['#/queues', '#/assigned', '#/log-call', '#/search', `#/tickets/${number}`],
  admin: ['#/admin/groups', '#/admin/services', '#/admin/categories', '#/admin/priority', '#/admin/kpi-targets'],
});

async function settle(tab: Frame): Promise<void> {
  await tab.locator('h1').first().waitFor();
  await expect.poll(() => tab.locator('.fui-Spinner').count(), { timeout: 15_000 }).toBe(0);
}

async function openHost(theme: string, token: string, width: number): Promise<{ page: Page; tab: Frame; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  await installFakeHost(context, server.origin, { context: { theme } });
  await presetToken(context, token);
  const page = await context.newPage();
  await page.goto(`${server.origin}${FAKE_HOST_PATH}`);
  const tab = await tabFrame(page);
  await settle(tab);
  return { page, tab, close: () => context.close() };
}

async function sweep(theme: string, width: number, check: (tab: Frame, where: string) => Promise<void>): Promise<void> {
  for (const [who, views] of Object.entries(VIEWS()) as [keyof typeof tokens, string[]][]) {
    const { tab, close } = await openHost(theme, tokens[who], width);
    for (const hash of views) {
      await tab.evaluate((h) => (window.location.hash = h), hash);
      await settle(tab);
      await check(tab, `${who} ${hash} (${theme}, ${width}px)`);
    }
    await close();
  }
}

describe('accessibility of every view', () => {
  for (const theme of ['default', 'dark', 'contrast']) {
    it(`has no serious or critical axe-core violation in the ${theme} theme`, async () => {
      const problems: string[] = [];
      await sweep(theme, 1280, async (tab, where) => {
        for (const v of await seriousViolations(tab)) problems.push(`${where}: ${v.id} (${v.impact}) ${v.help} at ${v.targets.slice(0, 3).join(', ')}`);
      });
      expect(problems).toEqual([]);
    }, 180_000);
  }

  it('shows field errors accessibly on the raise form', async () => {
    const { tab, close } = await openHost('default', tokens.staff, 1280);
    await tab.getByRole('button', { name: 'Raise incident' }).click();
    await tab.getByText('Give the incident a short title.').waitFor();
    expect(await tab.getByRole('textbox', { name: /Short title/ }).getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(tab)).toEqual([]);
    await close();
  });

  it('never scrolls a page sideways at 320 CSS pixels', async () => {
    const wide: string[] = [];
    await sweep('default', 320, async (tab, where) => {
      const overflow = await sidewaysOverflow(tab);
      if (overflow > 0) wide.push(`${where}: ${overflow}px: ${(await widestElements(tab)).join('; ')}`);
    });
    expect(wide).toEqual([]);
  }, 180_000);

  it('has an accessible sign-in page outside Teams, in light theme, at 320 px too', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 700 } });
    await page.goto(server.origin);
    await page.getByRole('heading', { name: 'Sign in to the local service desk' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await sidewaysOverflow(page)).toBe(0);
    await page.close();
  });
});
