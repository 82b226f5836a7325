import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild } from '../../scripts/lib/web-build';
import { launchChromium } from '../support/browser';
import { demoFacts } from '../support/demo-seed';
import type { EmbeddedServer } from '../support/embedded-server';
import { call, startEmbeddedServer, tokenFor } from '../support/embedded-server';
import { presetToken } from './fake-teams-host/host';
import { fact } from './incident-flow';

// Two analysts on one ticket: the second save is refused with what changed, shown in words, and can be applied again.

let server: EmbeddedServer;
let browser: Browser;
let number = '';
const analystTokens: string[] = [];

beforeAll(async () => {
  await ensureWebBuild(() => undefined);
  server = await startEmbeddedServer();
  browser = await launchChromium();
  const facts = await demoFacts();
  const routed = new Map(facts.reference.services.map((s) => [s.defaultGroupKey, s.key]));
  const group = facts.reference.groups.find((g) => routed.has(g.key) && facts.reference.people.filter((p) => p.roles.includes('Analyst') && p.groups.includes(g.entraGroupId)).length >= 2)!;
  const pair = facts.reference.people.filter((p) => p.roles.includes('Analyst') && p.groups.includes(group.entraGroupId)).slice(0, 2);
  for (const p of pair) analystTokens.push(await tokenFor(server.origin, p.upn));
  const users = (await call(server.origin, '/dev/users')).body as unknown as { upn: string; roles: string[] }[];
  const staff = await tokenFor(server.origin, users.find((u) => u.roles.length === 0)!.upn);
  const created = await call(server.origin, '/api/incidents', {
    token: staff,
    body: { title: 'Shared drive is read-only', impact: 2, urgency: 2, serviceId: routed.get(group.key) },
    headers: { 'idempotency-key': 'conflict-test-0001' },
  });
  number = created.body.ticket.number as string;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function analystOn(token: string): Promise<Page> {
  const context = await browser.newContext();
  await presetToken(context, token);
  const page = await context.newPage();
  await page.goto(`${server.origin}/#/tickets/${number}`);
  await page.getByRole('heading', { name: 'History' }).waitFor();
  return page;
}

const action = (page: Page, name: string) => page.getByRole('group', { name: 'Ticket actions' }).getByRole('button', { name, exact: true });

describe('two analysts on one ticket', () => {
  it('shows the second analyst what the first changed, and applies their change again on request', async () => {
    const first = await analystOn(analystTokens[0]!);
    const second = await analystOn(analystTokens[1]!);

    await action(first, 'Change impact or urgency').click();
    const change = first.getByRole('form', { name: 'Change impact or urgency' });
    await change.getByLabel('A whole department, a site or everyone', { exact: true }).check();
    await change.getByLabel('Stopped: I cannot do my work at all', { exact: true }).check();
    await change.getByRole('textbox').fill('Whole finance team affected.');
    await change.getByRole('button', { name: 'Save impact and urgency' }).click();
    await expect.poll(() => fact(first, 'Priority').textContent()).toMatch(/^P1/);

    // The second analyst still sees P3 and puts the ticket on hold from that stale version.
    expect(await fact(second, 'Priority').textContent()).toMatch(/^P3/);
    await action(second, 'Put on hold').click();
    const hold = second.getByRole('form', { name: 'Put on hold' });
    await hold.getByRole('combobox', { name: /Reason/ }).selectOption({ label: 'Waiting for a supplier' });
    await hold.getByRole('textbox').fill('Waiting for the storage vendor.');
    await hold.getByRole('button', { name: 'Put on hold now' }).click();

    const notice = second.getByRole('alert').filter({ hasText: 'Someone else changed this ticket' });
    await notice.waitFor();
    const changed = await notice.getByRole('list', { name: 'What changed' }).textContent();
    expect(changed).toMatch(/impact from 2 \(medium\) to 1 \(high\)/);
    expect(changed).toMatch(/urgency from 2 \(medium\) to 1 \(high\)/);
    expect(changed).toMatch(/priority from .* to P1 critical/);
    // The page now shows the new version; what the analyst typed is still in the form.
    await expect.poll(() => fact(second, 'Priority').textContent()).toMatch(/^P1/);
    expect(await hold.getByRole('textbox').inputValue()).toBe('Waiting for the storage vendor.');

    await notice.getByRole('button', { name: 'Apply my change again' }).click();
    await expect.poll(() => fact(second, 'State').textContent()).toMatch(/^On hold: Waiting for a supplier/);
    expect(await fact(second, 'Priority').textContent()).toMatch(/^P1/);
    await first.context().close();
    await second.context().close();
  });
});
