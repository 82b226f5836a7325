import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild } from '../../scripts/lib/web-build';
import { launchChromium } from '../support/browser';
import type { EmbeddedServer } from '../support/embedded-server';
import { call, startEmbeddedServer, tokenFor } from '../support/embedded-server';
import { presetToken } from './fake-teams-host/host';

// Admin pages validate before sending, show the API's own refusals beside the field, and save.

let server: EmbeddedServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  await ensureWebBuild(() => undefined);
  server = await startEmbeddedServer();
  browser = await launchChromium();
  const users = (await call(server.origin, '/dev/users')).body as unknown as { upn: string; roles: string[] }[];
  const context = await browser.newContext();
  await presetToken(context, await tokenFor(server.origin, users.find((u) => u.roles.includes('Admin'))!.upn));
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('admin pages', () => {
  it('adds a category after pointing at a bad key beside its field', async () => {
    await page.goto(`${server.origin}/#/admin/categories`);
    await page.getByRole('heading', { name: 'Admin: Categories' }).waitFor();
    await page.getByRole('button', { name: 'Add a category' }).click();
    const form = page.getByRole('form', { name: 'Add a category' });
    await form.getByRole('textbox', { name: /Key/ }).fill('Printers & Scanners');
    await form.getByRole('textbox', { name: /Name/ }).fill("Printers & scanners (O'Neill wing)");
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('Use lower case letters, digits and hyphens (at most 64).').waitFor();
    expect(await form.getByRole('textbox', { name: /Key/ }).getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByRole('textbox', { name: /Name/ }).inputValue()).toBe("Printers & scanners (O'Neill wing)");

    await form.getByRole('textbox', { name: /Key/ }).fill('printers-oneill');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByText("Printers & scanners (O'Neill wing) saved.").waitFor({ timeout: 15_000 });
    await page.getByRole('cell', { name: "Printers & scanners (O'Neill wing)", exact: true }).waitFor();
  });

  it('shows the default support group of each service by name, not by key', async () => {
    const admin = (await call(server.origin, '/dev/users')).body as unknown as { upn: string; roles: string[] }[];
    const token = await tokenFor(server.origin, admin.find((u) => u.roles.includes('Admin'))!.upn);
    const reference = (await call(server.origin, '/api/reference', { token })).body as { supportGroups: { key: string; name: string }[]; services: { key: string; name: string; defaultGroupKey: string }[] };
    const service = reference.services[0]!;
    const group = reference.supportGroups.find((g) => g.key === service.defaultGroupKey)!;
    await page.goto(`${server.origin}/#/admin/services`);
    const row = page.getByRole('table', { name: 'Services' }).getByRole('row').filter({ has: page.getByRole('cell', { name: service.name, exact: true }) });
    await row.getByRole('cell', { name: group.name, exact: true }).waitFor();
    expect(await row.getByRole('cell', { name: group.key, exact: true }).count()).toBe(0);
  });

  it('refuses a priority matrix that gets more urgent as impact falls, then saves a valid one', async () => {
    await page.goto(`${server.origin}/#/admin/priority`);
    await page.getByRole('heading', { name: 'Admin: Priority matrix' }).waitFor();
    const cell = (i: number, u: number) => page.getByRole('combobox', { name: `Priority for impact ${i}, urgency ${u}` });
    await cell(3, 3).waitFor();
    await cell(3, 3).selectOption('1');
    await page.getByRole('button', { name: 'Save matrix' }).click();
    await page.getByText(/The matrix was not saved/).waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/Impact 3, urgency 3 is more urgent/);

    await cell(3, 3).selectOption('5');
    await cell(1, 2).selectOption('1');
    await page.getByRole('button', { name: 'Save matrix' }).click();
    await page.getByText(/Priority matrix saved/).waitFor({ timeout: 15_000 });
    const saved = await call(server.origin, '/api/admin/priority-matrix', { token: await tokenFor(server.origin, ((await call(server.origin, '/dev/users')).body as unknown as { upn: string; roles: string[] }[]).find((u) => u.roles.includes('Admin'))!.upn) });
    expect(saved.body.matrix[0]).toEqual([1, 1, 3]);
  });
});
