import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild } from '../../scripts/lib/web-build';
import { launchChromium, seriousAxeViolations } from '../support/browser';
import type { EmbeddedServer } from '../support/embedded-server';
import { busiestSingleGroupAnalyst, demoFacts } from '../support/demo-seed';
import { call, startEmbeddedServer, tokenFor } from '../support/embedded-server';

let server: EmbeddedServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  await ensureWebBuild(() => undefined);
  server = await startEmbeddedServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a new user in the browser', () => {
  it('signs in as a seeded analyst and sees the group queue, with markup shown as text', async () => {
    const staff = ((await call(server.origin, '/dev/users')).body as unknown as { upn: string; roles: string[] }[]).find((u) => u.roles.length === 0)!;
    // The demo seed is the ServiceNow slice: sign in as a resolver from the log whose one group has a long queue.
    const facts = await demoFacts();
    const analyst = busiestSingleGroupAnalyst(facts);
    const service = facts.reference.services[0]!;
    const title = `<img src=x onerror="window.__pwned=1"> O'Brien's screen 🖥️`;
    await call(server.origin, '/api/incidents', { token: await tokenFor(server.origin, staff.upn), body: { title, impact: 1, urgency: 1, serviceId: service.key } });

    page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.origin);
    await page.getByRole('heading', { name: 'Sign in to the local service desk' }).waitFor();
    // Checked as a person uses it: the people have loaded and the button is enabled.
    await page.getByRole('combobox', { name: 'Person' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    const person = page.getByRole('combobox', { name: 'Person' });
    await person.selectOption(analyst.upn);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByRole('heading', { name: /^Queue: / }).waitFor();
    const table = page.getByRole('table', { name: /^Open tickets for / });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBeGreaterThan(1);
    // The tab reads the whole queue through the API's pages and says how much it shows of how many.
    await expect.poll(() => page.getByText(/^Showing \d+ of \d+ open tickets\.$/).textContent()).toMatch(/^Showing 50 of \d{2,} open tickets\.$/);

    await page.getByRole('combobox', { name: 'Support group' }).selectOption(service.defaultGroupKey);
    await page.getByRole('cell', { name: title }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows more rows instead of cutting the list short', async () => {
    await page.getByRole('combobox', { name: 'Support group' }).selectOption({ index: 0 });
    await page.getByText(/^Showing 50 of \d+ open tickets\.$/).waitFor();
    const rowsBefore = await page.getByRole('row').count();
    await page.getByRole('button', { name: /^Show \d+ more$/ }).click();
    await expect.poll(() => page.getByRole('row').count()).toBeGreaterThan(rowsBefore);
  });

  it('fits a 320 pixel wide screen without sideways page scrolling', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
  });
});
