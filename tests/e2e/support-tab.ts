import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Frame, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { settleForAxe } from '../support/browser';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

/** axe-core (WCAG 2.0-2.2 A and AA) on a page or a frame: serious and critical violations only. */
export async function seriousViolations(target: Page | Frame): Promise<Violation[]> {
  await settleForAxe(target);
  const has = await target.evaluate(() => 'axe' in window);
  if (!has) await target.addScriptTag({ content: axeSource });
  const found = await target.evaluate(async () => {
    type AxeResult = { violations: { id: string; impact: string | null; help: string; nodes: { target: string[]; html: string }[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    // Tabster's focus bumpers (<i data-tabster-dummy tabindex="0" aria-hidden="true">, used by Fluent's arrow-key
    // groups such as the charts' bars) pass focus on at once; aria-hidden-focus on them is a known false positive
    // (microsoft/tabster#288; Accessibility Insights drops it too). Every other node and rule counts.
    const bumper = (id: string, html: string) => id === 'aria-hidden-focus' && html.startsWith('<i ') && html.includes('data-tabster-dummy');
    return result.violations
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.filter((n) => !bumper(v.id, n.html)).map((n) => n.target.join(' ')) }))
      .filter((v) => v.targets.length > 0);
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** How far the page scrolls sideways (0 when it fits). */
export const sidewaysOverflow = (target: Page | Frame): Promise<number> =>
  target.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The first elements that stick out past the right edge, for a readable failure. */
export const widestElements = (target: Page | Frame): Promise<string[]> =>
  target.evaluate(() => {
    const edge = document.documentElement.clientWidth;
    return [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > edge + 1)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}[${(e.getAttribute('class') ?? '').split(' ')[0]}] "${(e.textContent ?? '').slice(0, 40)}" right=${Math.round(e.getBoundingClientRect().right)}`);
  });

/** Presses Tab (up to `max` times) until the locator has focus: proves it is reachable by keyboard. */
export async function tabTo(page: Page, locator: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await locator.evaluate((el) => el === document.activeElement || el.contains(document.activeElement)).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Could not reach ${String(locator)} with the Tab key in ${max} presses.`);
}

/** Signs in through the dev sign-in page as the person with this UPN. */
export async function devSignIn(page: Page, origin: string, upn: string): Promise<void> {
  await page.goto(origin);
  const person = page.getByRole('combobox', { name: 'Person' });
  await person.waitFor();
  await person.selectOption(upn);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('header').getByText('Service Desk').waitFor();
}

export async function expectNoSeriousViolations(target: Page | Frame, where: string): Promise<void> {
  const found = await seriousViolations(target);
  expect(found, `${where}: ${JSON.stringify(found, null, 1)}`).toEqual([]);
}
