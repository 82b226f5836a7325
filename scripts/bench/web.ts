// `npm run bench -- web`: what the tab costs to start and how fast a big queue shows.
//  1. The JavaScript the browser runs before the raise form accepts input, loaded through the fake Teams host
//     (gzip bytes, teams-js included). Target: at most 250 KB.
//  2. With a pre-issued dev token, time from navigation until the first 50 rows of a group queue are visible and
//     focusable, on a 25,000-ticket list whose group holds 500 open tickets; median of 5 cold loads, beside a bare
//     Fluent UI page's load. Target: under 1.5 s.
import { readFileSync, readdirSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { ensureWebBuild } from '../lib/web-build';
import { launchChromium } from '../../tests/support/browser';
import { call, startEmbeddedServer, tokenFor } from '../../tests/support/embedded-server';
import { FAKE_HOST_PATH, installFakeHost, presetToken, tabFrame } from '../../tests/e2e/fake-teams-host/host';
import { demoFacts } from '../../tests/support/demo-seed';
import { benchTicketRows, buildBarePage } from './web-fixtures';

const ROOT = resolve(import.meta.dirname, '../..');
const TOTAL = 25_000;
const GROUP_OPEN = 500;
const RUNS = 5;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function raiseFormBytes(browser: Browser, origin: string, token: string): Promise<void> {
  const context = await browser.newContext();
  await installFakeHost(context, origin, { context: { theme: 'default' } });
  await presetToken(context, token);
  const page = await context.newPage();
  const scripts = new Map<string, Promise<Buffer>>();
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script' && r.url().startsWith(origin)) scripts.set(r.url(), r.body());
  });
  await page.goto(`${origin}${FAKE_HOST_PATH}`);
  const tab = await tabFrame(page);
  const title = tab.getByRole('textbox', { name: /Short title/ });
  await title.fill('Printer on floor 3');
  if ((await title.inputValue()) !== 'Printer on floor 3') throw new Error('The raise form did not accept input.');
  const loaded = [...scripts.entries()];
  let gzip = 0;
  let raw = 0;
  console.log('JS loaded before the raise form accepted input (through the fake Teams host):');
  for (const [url, body] of loaded) {
    const bytes = await body;
    const zipped = gzipSync(bytes).length;
    gzip += zipped;
    raw += bytes.length;
    console.log(`  ${new URL(url).pathname.padEnd(48)} ${kb(bytes.length).padStart(10)} raw ${kb(zipped).padStart(10)} gzip`);
  }
  const teamsLoaded = loaded.some(([u]) => /src-|teams/i.test(u));
  console.log(`  total ${loaded.length} files: ${kb(raw)} raw, ${kb(gzip)} gzip (target <= 250 KB gzip)${teamsLoaded ? '' : ' [teams-js chunk not seen]'}`);
  const msal = loaded.some(([u]) => /msal/i.test(u));
  console.log(`  MSAL loaded before input: ${msal ? 'yes' : 'no'}; @pnp/sp in the tab bundle: ${pnpInBundle() ? 'yes' : 'no'}`);
  await context.close();
}

function pnpInBundle(): boolean {
  const dir = join(ROOT, 'dist/web/assets');
  return readdirSync(dir).some((f) => f.endsWith('.js') && /@pnp\/sp|PnPjs/.test(readFileSync(join(dir, f), 'utf8')));
}

/** Milliseconds from navigation start until 50 data rows are visible and the 50th row's link takes focus. */
async function fiftyRowsAt(page: Page, url: string): Promise<number> {
  await page.goto(url);
  const handle = await page.waitForFunction(
    () => {
      const rows = [...document.querySelectorAll('table tbody tr')];
      if (rows.length < 50) return false;
      const link = rows[49]!.querySelector<HTMLElement>('a');
      if (!link) return false;
      const box = link.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) return false;
      link.focus();
      return document.activeElement === link ? performance.now() : false;
    },
    undefined,
    { polling: 'raf', timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

async function queueTimes(browser: Browser, origin: string, token: string, group: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext(); // cold: empty cache, fresh storage
    await presetToken(context, token);
    const page = await context.newPage();
    times.push(await fiftyRowsAt(page, `${origin}/#/queues/${encodeURIComponent(group)}`));
    await context.close();
  }
  return times;
}

async function bareTimes(browser: Browser, origin: string, dist: string): Promise<number[]> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    await context.route(`${origin}/__bare/**`, (route) => {
      const path = new URL(route.request().url()).pathname.replace(/^\/__bare\/?/, '') || 'index.html';
      route.fulfill({ status: 200, contentType: types[extname(path)] ?? 'application/octet-stream', body: readFileSync(join(dist, path)) }).catch(() => undefined);
    });
    const page = await context.newPage();
    times.push(await fiftyRowsAt(page, `${origin}/__bare/index.html`));
    await context.close();
  }
  return times;
}

export async function runWebBench(): Promise<void> {
  await ensureWebBuild(() => undefined);
  const bareDist = await buildBarePage(ROOT);
  const server = await startEmbeddedServer();
  const browser = await launchChromium();
  try {
    const users = (await call(server.origin, '/dev/users')).body as unknown as { upn: string; name: string; roles: string[] }[];
    const staff = users.find((u) => u.roles.length === 0)!;
    await raiseFormBytes(browser, server.origin, await tokenFor(server.origin, staff.upn));

    const analyst = users.find((u) => u.roles.includes('Analyst'))!;
    const analystToken = await tokenFor(server.origin, analyst.upn);
    const me = (await call(server.origin, '/api/me', { token: analystToken })).body as { supportGroups: { key: string }[] };
    const reference = (await call(server.origin, '/api/reference', { token: analystToken })).body as { supportGroups: { key: string }[] };
    const group = me.supportGroups[0]?.key ?? reference.supportGroups[0]!.key;
    let existingOpen = 0;
    let cursor: string | null = null;
    do {
      const page = await call(server.origin, `/api/queues/${group}?pageSize=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token: analystToken });
      existingOpen += (page.body.items as unknown[]).length;
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    const seeded = (await demoFacts()).tickets;
    const started = Date.now();
    const person = { id: 'bench-requester', upn: staff.upn, name: staff.name };
    const rows = benchTicketRows({ total: TOTAL - seeded, open: GROUP_OPEN - existingOpen, group, groups: reference.supportGroups.map((g) => g.key), requester: person, now: Date.now(), startAt: 1 });
    for (let i = 0; i < rows.length; i += 5000) server.store.data.insertItems('Tickets', rows.slice(i, i + 5000));
    console.log(`\nGenerated ${rows.length} tickets in ${((Date.now() - started) / 1000).toFixed(1)} s: about ${TOTAL} on the list, ${GROUP_OPEN} open in group ${group}.`);

    const queue = await queueTimes(browser, server.origin, analystToken, group);
    const bare = await bareTimes(browser, server.origin, bareDist);
    console.log(`Queue: first 50 rows visible and focusable, ${RUNS} cold loads: ${queue.map((t) => t.toFixed(0)).join(', ')} ms; median ${median(queue).toFixed(0)} ms (target < 1500 ms)`);
    console.log(`Bare Fluent UI page (provider + 50-row table), ${RUNS} cold loads: ${bare.map((t) => t.toFixed(0)).join(', ')} ms; median ${median(bare).toFixed(0)} ms`);
  } finally {
    await browser.close();
    await server.stop();
  }
}
