import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Frame, Page } from 'playwright-core';

export const FAKE_HOST_PATH = '/__fake-teams-host';

/** The legacy context shape teams-js 2.x receives from a host and maps to app.Context. */
export interface FakeTeamsContext {
  readonly theme?: string;
  readonly locale?: string;
  readonly entityId?: string;
  readonly subEntityId?: string;
  readonly userPrincipalName?: string;
  readonly userDisplayName?: string;
  readonly userObjectId?: string;
  readonly tid?: string;
  readonly hostClientType?: string;
  readonly frameContext?: string;
}

export interface FakeHostOptions {
  readonly context?: FakeTeamsContext;
  /** Frame the tab but never answer: a page that is not Teams. */
  readonly silent?: boolean;
  /** The tab's URL path, e.g. '/'. */
  readonly tabPath?: string;
}

const script = readFileSync(join(import.meta.dirname, 'host-page.js'), 'utf8');

export function fakeHostHtml(origin: string, options: FakeHostOptions = {}): string {
  const config = {
    tabUrl: `${origin}${options.tabPath ?? '/'}`,
    silent: options.silent ?? false,
    context: { theme: 'default', locale: 'en-gb', entityId: 'servicedesk', frameContext: 'content', hostClientType: 'web', ...options.context },
  };
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fake Teams host</title>
<style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100%}</style></head>
<body><iframe id="tab" title="Service Desk tab"></iframe>
<script type="application/json" id="fake-teams-config">${json}</script>
<script>${script}</script></body></html>`;
}

/**
 * Serves the fake host at FAKE_HOST_PATH on the tab's own origin (from the test, never from the product), and
 * keeps the browser off the internet (teams-js asks a CDN for valid origins when it loads).
 */
export async function installFakeHost(target: Page | BrowserContext, origin: string, options: FakeHostOptions = {}): Promise<void> {
  await target.route(
    (url) => url.origin !== origin,
    (route) => route.abort(),
  );
  await target.route(`${origin}${FAKE_HOST_PATH}`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: fakeHostHtml(origin, options) }));
}

/** The tab's frame inside the fake host. */
export async function tabFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe#tab');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('The fake host has no tab frame.');
  return frame;
}

/** Makes every page of the context start signed in with this token, as a pre-issued dev token. */
export async function presetToken(target: Page | BrowserContext, token: string): Promise<void> {
  await target.addInitScript((t) => {
    try {
      window.sessionStorage.setItem('itsm.accessToken', t);
    } catch {
      // about:blank has no storage.
    }
  }, token);
}
