import type { Locator, Page } from 'playwright-core';
import { tabTo } from './support-tab';

/** How a person operates the tab: with a pointer, or with the keyboard alone. The flow is written once for both. */
export interface Driver {
  readonly name: string;
  fill(field: Locator, text: string): Promise<void>;
  /** Chooses the option with this visible label in a native select. */
  choose(select: Locator, label: string): Promise<void>;
  /** Checks the radio with this label, in the radio group named `group`. */
  pick(page: Page, group: string, label: string): Promise<void>;
  press(control: Locator): Promise<void>;
}

export const pointer: Driver = {
  name: 'pointer',
  fill: (field, text) => field.fill(text),
  choose: async (select, label) => void (await select.selectOption({ label })),
  pick: (page, group, label) => page.locator(`input[type="radio"][name="${group}"]`).and(page.getByLabel(label, { exact: true })).check(),
  press: (control) => control.click(),
};

async function radioIndex(page: Page, group: string, label: string): Promise<{ target: number; checked: number }> {
  const radios = page.locator(`input[type="radio"][name="${group}"]`);
  const labels = await radios.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? ''));
  const checked = await radios.evaluateAll((els) => els.findIndex((e) => (e as HTMLInputElement).checked));
  const target = labels.indexOf(label);
  if (target < 0) throw new Error(`No radio "${label}" in ${group}: ${labels.join(' | ')}`);
  return { target, checked };
}

export function keyboard(page: Page): Driver {
  const k = page.keyboard;
  return {
    name: 'keyboard',
    async fill(field, text) {
      await tabTo(page, field);
      await k.press('Control+A');
      await k.type(text);
    },
    async choose(select, label) {
      await tabTo(page, select);
      const [current, target] = await select.evaluate((el, wanted) => {
        const s = el as HTMLSelectElement;
        return [s.selectedIndex, [...s.options].findIndex((o) => o.text === wanted)];
      }, label);
      if (target < 0) throw new Error(`No option "${label}"`);
      for (let i = current; i < target; i++) await k.press('ArrowDown');
      for (let i = current; i > target; i--) await k.press('ArrowUp');
    },
    async pick(p, group, label) {
      const { target, checked } = await radioIndex(p, group, label);
      const radios = p.locator(`input[type="radio"][name="${group}"]`);
      await tabTo(p, radios.nth(Math.max(checked, 0)));
      let at = checked;
      if (at < 0) {
        await k.press('Space');
        at = 0;
      }
      for (; at < target; at++) await k.press('ArrowDown');
      for (; at > target; at--) await k.press('ArrowUp');
    },
    async press(control) {
      await tabTo(page, control);
      const role = await control.evaluate((el) => (el as HTMLInputElement).type ?? '');
      await k.press(role === 'checkbox' ? 'Space' : 'Enter');
    },
  };
}
