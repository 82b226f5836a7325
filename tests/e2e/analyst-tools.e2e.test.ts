import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild } from '../../scripts/lib/web-build';
import { launchChromium } from '../support/browser';
import { demoFacts } from '../support/demo-seed';
import type { EmbeddedServer } from '../support/embedded-server';
import { call, startEmbeddedServer, tokenFor } from '../support/embedded-server';
import { presetToken } from './fake-teams-host/host';

// An analyst's other tools: log a call for a caller found by people search, find the caller's tickets, filter and
// sort the group queue, and assign several tickets at once.

let server: EmbeddedServer;
let browser: Browser;
let page: Page;
let analyst: { upn: string; name: string };
let caller: { upn: string; name: string };
let group: { key: string; name: string };
let serviceName = '';

beforeAll(async () => {
  await ensureWebBuild(() => undefined);
  server = await startEmbeddedServer();
  browser = await launchChromium();
  const facts = await demoFacts();
  const routed = new Map(facts.reference.services.map((s) => [s.defaultGroupKey, s]));
  const person = facts.reference.people.find((p) => p.roles.length === 1 && p.roles[0] === 'Analyst' && p.groups.length === 1 && facts.reference.groups.some((g) => g.entraGroupId === p.groups[0] && routed.has(g.key)))!;
  const g = facts.reference.groups.find((x) => x.entraGroupId === person.groups[0])!;
  group = { key: g.key, name: g.name };
  serviceName = routed.get(g.key)!.name;
  const users = (await call(server.origin, '/dev/users')).body as unknown as { upn: string; name: string; roles: string[] }[];
  analyst = users.find((u) => u.upn === person.upn)!;
  caller = users.filter((u) => u.roles.length === 0)[3]!;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await presetToken(context, await tokenFor(server.origin, analyst.upn));
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function choosePerson(label: string | RegExp, name: string, upn: string): Promise<void> {
  const box = page.getByRole('combobox', { name: label });
  await box.fill(upn);
  await page.getByRole('option').filter({ hasText: `${name} (${upn})` }).click();
}

describe('analyst tools', () => {
  it('logs a call on behalf of a caller found through people search; the caller owns the ticket', async () => {
    await page.goto(`${server.origin}/#/log-call`);
    await page.getByRole('heading', { name: 'Log a call for someone' }).waitFor();
    await choosePerson(/Caller/, caller.name, caller.upn);
    await page.getByRole('combobox', { name: /How did they contact us/ }).selectOption('Phone');
    await page.getByRole('textbox', { name: /Short title/ }).fill('Headset crackles on calls');
    await page.getByRole('combobox', { name: /Which service/ }).selectOption({ label: serviceName });
    await page.getByLabel('Just me', { exact: true }).check();
    await page.getByLabel('Slowed down: some of my work is blocked', { exact: true }).check();
    await page.getByRole('button', { name: 'Log the call' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 }).toMatch(/: Headset crackles on calls$/);
    const raisedFor = page.locator('dl[aria-label="Ticket details"] > div').filter({ hasText: /^Raised for/ }).locator('dd');
    expect(await raisedFor.textContent()).toBe(caller.name);

    // The caller sees it in My tickets.
    const callerToken = await tokenFor(server.origin, caller.upn);
    const mine = await call(server.origin, '/api/my/tickets?status=open', { token: callerToken });
    expect((mine.body.items as { title: string }[]).map((t) => t.title)).toContain('Headset crackles on calls');
  }, 60_000);

  it('finds the caller’s tickets by requester', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
    await page.getByRole('heading', { name: 'Search by requester' }).waitFor();
    // Searching before choosing says what is missing, beside the field.
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('Choose a person from the list first: type two letters of their name or email address.').waitFor();
    await choosePerson(/Requester/, caller.name, caller.upn);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('cell', { name: 'Headset crackles on calls' }).waitFor();
  }, 60_000);

  it('filters and sorts the whole group queue, and assigns two tickets at once', async () => {
    await page.goto(`${server.origin}/#/queues/${group.key}`);
    const status = page.getByText(/^Showing \d+ of \d+ (matching )?open tickets\.$/);
    await status.waitFor({ timeout: 20_000 });
    const total = Number(/of (\d+)/.exec((await status.textContent())!)![1]);
    expect(total).toBeGreaterThan(0);

    await page.getByRole('combobox', { name: 'Assignee' }).selectOption('unassigned');
    await expect.poll(async () => (await status.textContent()) ?? '').toMatch(/matching open tickets/);
    await page.getByRole('button', { name: 'Number' }).click();
    const numbers = await page.getByRole('table').getByRole('link').allTextContents();
    const sorted = [...numbers].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    expect(numbers).toEqual(sorted);
    expect(await page.getByRole('columnheader', { name: 'Number' }).getAttribute('aria-sort')).toBe('ascending');

    const picked = numbers.slice(0, 2);
    for (const n of picked) await page.getByRole('checkbox', { name: `Select ${n}` }).check();
    // Only analysts of the group are offered: the caller (a requester) is not, though the directory finds them.
    const searched = page.waitForResponse((r) => r.url().includes('/api/people?') && r.url().includes(`assignableTo=${picked[0]}`) && r.url().includes('search='));
    await page.getByRole('combobox', { name: /Assign 2 selected to/ }).fill(caller.upn);
    expect(((await (await searched).json()) as { items: unknown[] }).items).toEqual([]);
    await page.getByText('No one found yet.').waitFor();
    expect(await page.getByRole('option').filter({ hasText: caller.upn }).count()).toBe(0);
    await choosePerson(/Assign 2 selected to/, analyst.name, analyst.upn);
    await page.getByRole('button', { name: 'Assign selected' }).click();
    await page.getByText(`2 of 2 tickets assigned to ${analyst.name}.`).waitFor({ timeout: 20_000 });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assigned to me' }).click();
    for (const n of picked) await page.getByRole('link', { name: n, exact: true }).waitFor();
  }, 90_000);
});
