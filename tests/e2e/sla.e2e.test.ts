// Issue 6 in the tab: the queue's time-left column, the ticket's service levels (timeline for analysts, "waiting for
// you" for the caller), the clock definitions page and the SLA admin pages: no serious axe-core finding in the
// default and high-contrast themes, and the new controls work from the keyboard.
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild } from '../../scripts/lib/web-build';
import { launchChromium } from '../support/browser';
import type { World } from '../support/api-world';
import { act, raise, startWorld } from '../support/api-world';
import { FAKE_HOST_PATH, installFakeHost, presetToken, tabFrame } from './fake-teams-host/host';
import { seriousViolations, sidewaysOverflow, tabTo, widestElements } from './support-tab';

let world: World;
let browser: Browser;
let number = '';

beforeAll(async () => {
  await ensureWebBuild(() => undefined);
  world = await startWorld();
  browser = await launchChromium();
  number = await raise(world, world.tokens.caller, { title: 'Toner everywhere', impact: 2, urgency: 2 });
  await act(world, world.tokens.desk, number, 'take');
  await act(world, world.tokens.desk, number, 'hold', { reason: 'AwaitingCaller', note: 'Which printer?' });
  await raise(world, world.tokens.caller, { title: 'Second ticket' });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await world?.server.stop();
});

async function settle(tab: Frame): Promise<void> {
  await tab.locator('h1').first().waitFor();
  await expect.poll(() => tab.locator('.fui-Spinner').count(), { timeout: 15_000 }).toBe(0);
}

async function open(who: keyof World['tokens'], hash: string, theme = 'default', width = 1280): Promise<{ page: Page; tab: Frame; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  await installFakeHost(context, world.origin, { context: { theme } });
  await presetToken(context, world.tokens[who]);
  const page = await context.newPage();
  await page.goto(`${world.origin}${FAKE_HOST_PATH}`);
  const tab = await tabFrame(page);
  await settle(tab);
  await tab.evaluate((h) => (window.location.hash = h), hash);
  await settle(tab);
  return { page, tab, close: () => context.close() };
}

const VIEWS: [keyof World['tokens'], () => string][] = [
  ['desk', () => '#/queues/desk'],
  ['desk', () => `#/tickets/${number}`],
  ['caller', () => `#/tickets/${number}`],
  ['caller', () => '#/clock-definitions'],
  ['admin', () => '#/admin/calendars'],
  ['admin', () => '#/admin/sla-policies'],
  ['admin', () => '#/admin/ola'],
  ['owner', () => '#/admin/ola'],
];

describe('SLA views', () => {
  for (const theme of ['default', 'contrast']) {
    it(`have no serious or critical axe-core violation in the ${theme} theme`, async () => {
      const problems: string[] = [];
      for (const [who, hash] of VIEWS) {
        const { tab, close } = await open(who, hash(), theme);
        for (const v of await seriousViolations(tab)) problems.push(`${who} ${hash()}: ${v.id} (${v.impact}) ${v.help} at ${v.targets.slice(0, 3).join(', ')}`);
        await close();
      }
      expect(problems).toEqual([]);
    }, 180_000);
  }

  it('never scroll a page sideways at 320 CSS pixels', async () => {
    const wide: string[] = [];
    for (const [who, hash] of VIEWS) {
      const { tab, close } = await open(who, hash(), 'default', 320);
      const overflow = await sidewaysOverflow(tab);
      if (overflow > 0) wide.push(`${who} ${hash()}: ${overflow}px: ${(await widestElements(tab)).join('; ')}`);
      await close();
    }
    expect(wide).toEqual([]);
  }, 180_000);

  it('shows the caller the target and that the ticket waits for them, without the timeline', async () => {
    const { tab, close } = await open('caller', `#/tickets/${number}`);
    const levels = tab.getByRole('region', { name: 'Service levels' });
    await levels.getByText('We are waiting for your reply').waitFor();
    await levels.getByText(/We aim to resolve this within 3 working days\. The clock is paused until you reply\./).waitFor();
    expect(await levels.getByText('Timeline').count()).toBe(0);
    await close();
  });

  it('names the group, the service and the person taking the ticket in its history, not their keys', async () => {
    const { tab, close } = await open('desk', `#/tickets/${number}`);
    const history = tab.getByRole('list', { name: 'Timeline' });
    await history.getByText(/group from none to Service Desk/).waitFor();
    await history.getByText(/service from none to Printing/).waitFor();
    await history.getByText(/Taken by Dara O'Brien: .*assigned to Dara O'Brien/).waitFor();
    await close();
  });

  it('lets an analyst open a clock\'s timeline and sort the queue by time left from the keyboard', async () => {
    const ticket = await open('desk', `#/tickets/${number}`);
    const summary = ticket.tab.getByText(/^Timeline \(/).nth(1);
    await tabTo(ticket.page, summary, 200);
    await ticket.page.keyboard.press('Enter');
    await ticket.tab.getByText(/Paused on hold: awaiting caller/).first().waitFor();
    await ticket.close();

    const queue = await open('desk', '#/queues/desk');
    const header = queue.tab.getByRole('columnheader', { name: /Time left/ });
    await tabTo(queue.page, header.getByRole('button'), 200);
    await queue.page.keyboard.press('Enter');
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    await queue.tab.getByText(/Resolution: paused/).first().waitFor();
    await queue.close();
  });
});
