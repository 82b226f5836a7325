import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild } from '../../scripts/lib/web-build';
import { launchChromium } from '../support/browser';
import type { EmbeddedServer } from '../support/embedded-server';
import { call, startEmbeddedServer, tokenFor } from '../support/embedded-server';
import { FAKE_HOST_PATH, installFakeHost, presetToken, tabFrame } from './fake-teams-host/host';

let server: EmbeddedServer;
let browser: Browser;
let staffUpn: string;
let token: string;
const numbers: string[] = [];

beforeAll(async () => {
  await ensureWebBuild(() => undefined);
  server = await startEmbeddedServer();
  browser = await launchChromium();
  const users = (await call(server.origin, '/dev/users')).body as unknown as { upn: string; name: string; roles: string[] }[];
  staffUpn = users.find((u) => u.roles.length === 0)!.upn;
  token = await tokenFor(server.origin, staffUpn);
  const serviceKey = ((await call(server.origin, '/api/reference', { token })).body.services as { key: string }[])[0]!.key;
  for (const title of ['Laptop will not start', 'VPN drops every hour']) {
    const created = await call(server.origin, '/api/incidents', { token, body: { title, impact: 3, urgency: 2, serviceId: serviceKey }, headers: { 'idempotency-key': `hosttest-${numbers.length}-abcdef` } });
    numbers.push(created.body.ticket.number as string);
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openInHost(options: Parameters<typeof installFakeHost>[2]): Promise<{ context: BrowserContext; page: Page; tab: Frame }> {
  const context = await browser.newContext();
  await installFakeHost(context, server.origin, options);
  await presetToken(context, token);
  const page = await context.newPage();
  await page.goto(`${server.origin}${FAKE_HOST_PATH}`);
  return { context, page, tab: await tabFrame(page) };
}

const themeOf = (tab: Frame) => tab.locator('[data-theme]').first().getAttribute('data-theme');
const funcs = (page: Page) => page.evaluate(() => (window as unknown as { fakeTeams: { funcs(): string[] } }).fakeTeams.funcs());
const host = (page: Page, script: string) => page.evaluate(script);

describe('inside the fake Teams host', () => {
  it('initialises, reads the context, reports success, opens the deep-linked ticket in the host theme', async () => {
    const { context, page, tab } = await openInHost({ context: { theme: 'dark', subEntityId: numbers[0], userPrincipalName: staffUpn } });
    await tab.getByRole('heading', { level: 1, name: new RegExp(`^${numbers[0]}`) }).waitFor();
    expect(await themeOf(tab)).toBe('dark');
    const seen = await funcs(page);
    expect(seen).toContain('initialize');
    expect(seen).toContain('getContext');
    expect(seen).toContain('appInitialization.success');
    expect(seen.indexOf('appInitialization.success')).toBeGreaterThan(seen.indexOf('getContext'));
    await context.close();
  });

  it('follows theme changes, and treats an unknown theme as the default', async () => {
    const { context, page, tab } = await openInHost({ context: { theme: 'default' } });
    await tab.getByRole('heading', { level: 1, name: 'Raise an incident' }).waitFor();
    expect(await themeOf(tab)).toBe('default');
    await host(page, `fakeTeams.setTheme('contrast')`);
    await expect.poll(() => themeOf(tab)).toBe('contrast');
    await host(page, `fakeTeams.setTheme('dark')`);
    await expect.poll(() => themeOf(tab)).toBe('dark');
    await host(page, `fakeTeams.setTheme('aurora')`);
    await expect.poll(() => themeOf(tab)).toBe('default');
    await context.close();
  });

  it('opens a deep link while the tab is open, and again when the same link is followed a second time', async () => {
    const { context, page, tab } = await openInHost({});
    await tab.getByRole('heading', { level: 1, name: 'Raise an incident' }).waitFor();
    await expect.poll(async () => (await host(page, 'fakeTeams.handlers()')) as string[]).toContain('load');

    expect(await host(page, `fakeTeams.followDeepLink('${numbers[1]}')`)).toBe('resumed');
    await tab.getByRole('heading', { level: 1, name: new RegExp(`^${numbers[1]}`) }).waitFor();

    await tab.getByRole('link', { name: 'My tickets' }).click();
    await tab.getByRole('heading', { level: 1, name: 'My tickets' }).waitFor();
    await host(page, `fakeTeams.followDeepLink('${numbers[1]}')`);
    await tab.getByRole('heading', { level: 1, name: new RegExp(`^${numbers[1]}`) }).waitFor();

    await host(page, `fakeTeams.changeContext('${numbers[0]}')`);
    await tab.getByRole('heading', { level: 1, name: new RegExp(`^${numbers[0]}`) }).waitFor();
    expect((await funcs(page)).filter((f) => f === 'readyToUnload').length).toBe(2);
    await context.close();
  });

  it('runs as a plain web app within 3 seconds when framed by a page that is not Teams', async () => {
    const { context, page, tab } = await openInHost({ silent: true });
    await tab.getByRole('heading', { level: 1, name: 'Raise an incident' }).waitFor({ timeout: 3000 });
    // Milliseconds since the tab's own navigation started, read in the tab.
    expect(await tab.evaluate(() => performance.now())).toBeLessThan(3000);
    expect(await funcs(page)).toContain('initialize');
    await context.close();
  });
});
