// A title with no spaces (a pasted hash, a path, a key held down) wraps inside its own cell in the queue and in the
// plain ticket lists, instead of drawing over the columns beside it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild } from '../../scripts/lib/web-build';
import { TITLE_MAX } from '../../src/domain/tickets/create-incident';
import { launchChromium } from '../support/browser';
import { busiestSingleGroupAnalyst, demoFacts } from '../support/demo-seed';
import { call, startEmbeddedServer, tokenFor, type EmbeddedServer } from '../support/embedded-server';
import { devSignIn } from './support-tab';

let server: EmbeddedServer;
let browser: Browser;
const title = 'W'.repeat(TITLE_MAX);
let staffUpn = '';
let analystUpn = '';
let groupKey = '';

beforeAll(async () => {
  await ensureWebBuild(() => undefined);
  server = await startEmbeddedServer();
  browser = await launchChromium();
  staffUpn = ((await call(server.origin, '/dev/users')).body as unknown as { upn: string; roles: string[] }[]).find((u) => u.roles.length === 0)!.upn;
  const facts = await demoFacts();
  const service = facts.reference.services[0]!;
  analystUpn = busiestSingleGroupAnalyst(facts).upn;
  groupKey = service.defaultGroupKey;
  const raised = await call(server.origin, '/api/incidents', { token: await tokenFor(server.origin, staffUpn), body: { title, impact: 1, urgency: 1, serviceId: service.key } });
  expect(raised.status).toBe(201);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** How far the title's text reaches past its cell (0 when it stays inside), and the cell's own sideways scroll. */
async function spill(page: Page): Promise<{ pastEdge: number; scroll: number; width: number }> {
  const cell = page.getByRole('cell', { name: title });
  await cell.waitFor({ timeout: 20_000 });
  return cell.evaluate((td) => {
    const range = document.createRange();
    range.selectNodeContents(td);
    const text = range.getBoundingClientRect();
    const box = td.getBoundingClientRect();
    return { pastEdge: Math.max(0, Math.round(text.right - box.right)), scroll: td.scrollWidth - td.clientWidth, width: Math.round(box.width) };
  });
}

describe('a long unbroken title', () => {
  it('wraps inside its cell in the queue table', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await devSignIn(page, server.origin, analystUpn);
    await page.evaluate((g) => (window.location.hash = `#/queues/${encodeURIComponent(g)}`), groupKey);
    const found = await spill(page);
    expect([found.pastEdge, found.scroll]).toEqual([0, 0]);
    // The cell keeps a readable width rather than shrinking the word into nothing.
    expect(found.width).toBeGreaterThan(60);
    await page.close();
  }, 120_000);

  it('wraps inside its cell in my tickets (the list search results share)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await devSignIn(page, server.origin, staffUpn);
    await page.evaluate(() => (window.location.hash = '#/my-tickets'));
    const found = await spill(page);
    expect([found.pastEdge, found.scroll]).toEqual([0, 0]);
    await page.close();
  }, 120_000);
});
