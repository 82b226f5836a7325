import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Driver } from './flow-driver';

// The whole life of one incident, two people at once: each step checks what the other person sees.

export interface FlowPeople {
  readonly requester: { page: Page; drive: Driver; name: string };
  readonly analyst: { page: Page; drive: Driver; name: string };
  readonly origin: string;
  readonly serviceName: string;
  readonly groupKey: string;
  /** Tells this run's ticket apart from other runs' in the same queue. */
  readonly tag: string;
  /** Whether the server stores attachments (a document library is configured); if not, the tab must say so. */
  readonly attachmentsOffered: boolean;
}

export const titleFor = (tag: string): string => `O'Brien's printer 🖨️ won't print (${tag})`;
export const DESCRIPTION = `<script>window.__pwned = 1</script>It jams on every page.`;

export const fact = (page: Page, term: string) => page.locator('dl[aria-label="Ticket details"] > div').filter({ has: page.locator('dt', { hasText: new RegExp(`^${term}$`) }) }).locator('dd');
const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const form = (page: Page, name: string) => page.getByRole('form', { name });
const action = (page: Page, name: string) => page.getByRole('group', { name: 'Ticket actions' }).getByRole('button', { name, exact: true });

async function openTicket(page: Page, drive: Driver, number: string): Promise<void> {
  await drive.fill(page.getByRole('textbox', { name: 'Ticket number' }), number);
  await page.keyboard.press('Enter');
  await expect.poll(() => heading(page).textContent()).toMatch(new RegExp(`^${number}: `));
  await page.getByRole('heading', { name: 'History' }).waitFor();
}

async function reloadTicket(page: Page, number: string): Promise<void> {
  await page.reload();
  await expect.poll(() => heading(page).textContent(), { timeout: 15_000 }).toMatch(new RegExp(`^${number}: `));
  await page.getByRole('heading', { name: 'History' }).waitFor();
}

async function run(page: Page, drive: Driver, toggle: string, formName: string, fill: () => Promise<void>, submit: string): Promise<void> {
  await drive.press(action(page, toggle));
  await form(page, formName).waitFor();
  await fill();
  await drive.press(form(page, formName).getByRole('button', { name: submit }));
  await form(page, formName).waitFor({ state: 'detached' });
}

async function expectState(page: Page, state: RegExp): Promise<void> {
  await expect.poll(() => fact(page, 'State').textContent(), { timeout: 10_000 }).toMatch(state);
}

const conversation = (page: Page) => page.getByRole('list', { name: 'Messages' });

export async function incidentFlow(p: FlowPeople): Promise<string> {
  const { requester: R, analyst: A } = p;
  const TITLE = titleFor(p.tag);

  // 1. The requester raises it.
  await R.drive.press(R.page.getByRole('link', { name: 'Raise' }));
  await R.page.getByRole('heading', { name: 'Raise an incident' }).waitFor();
  await R.drive.fill(R.page.getByRole('textbox', { name: /Short title/ }), TITLE);
  await R.drive.fill(R.page.getByRole('textbox', { name: /What happened/ }), DESCRIPTION);
  await R.drive.choose(R.page.getByRole('combobox', { name: /Which service/ }), p.serviceName);
  await R.drive.pick(R.page, 'impact', 'A whole department, a site or everyone');
  await R.drive.pick(R.page, 'urgency', 'Stopped: I cannot do my work at all');
  await expect.poll(() => R.page.getByText(/^Priority: P1/).count()).toBe(1);
  const chooser = R.page.waitForEvent('filechooser');
  await R.drive.press(R.page.getByRole('button', { name: 'Add files' }));
  await (await chooser).setFiles({ name: 'printer-error.txt', mimeType: 'text/plain', buffer: Buffer.from('E-042 paper jam in tray 2') });
  await R.page.getByText(/^printer-error\.txt/).waitFor();
  await R.drive.press(R.page.getByRole('button', { name: 'Raise incident' }));
  await expect.poll(() => heading(R.page).textContent(), { timeout: 15_000 }).toMatch(/^[A-Z]+-?\d+: /);
  const number = (await heading(R.page).textContent())!.split(':')[0]!;
  expect(await heading(R.page).textContent()).toBe(`${number}: ${TITLE}`);
  expect(await R.page.getByText(DESCRIPTION, { exact: true }).count()).toBe(1);
  expect(await fact(R.page, 'Priority').textContent()).toMatch(/^P1/);
  if (!p.attachmentsOffered) await R.page.getByText(/These attachments were not added .*printer-error\.txt: Attachments are not set up/).waitFor();

  // 2. The analyst sees it in the group queue, opens it, takes it.
  await A.page.goto(`${p.origin}/#/queues/${encodeURIComponent(p.groupKey)}`);
  await A.page.getByRole('cell', { name: TITLE }).waitFor({ timeout: 20_000 });
  await openTicket(A.page, A.drive, number);
  if (p.attachmentsOffered) await A.page.getByRole('link', { name: 'printer-error.txt' }).waitFor();
  await A.drive.press(action(A.page, 'Take'));
  await expectState(A.page, /^In progress/);
  await reloadTicket(R.page, number);
  await expectState(R.page, /^In progress/);
  expect(await fact(R.page, 'Assigned to').textContent()).toBe(A.name);

  // 3. The analyst writes a work note (never shown to the requester) and asks for information: on hold.
  await run(A.page, A.drive, 'Add work note', 'Add work note', () => A.drive.fill(form(A.page, 'Add work note').getByRole('textbox'), 'Internal: printer is on the old driver.'), 'Save work note');
  await run(
    A.page,
    A.drive,
    'Put on hold',
    'Put on hold',
    async () => {
      await A.drive.choose(form(A.page, 'Put on hold').getByRole('combobox', { name: /Reason/ }), 'Waiting for the caller');
      await A.drive.fill(form(A.page, 'Put on hold').getByRole('textbox'), 'Which printer is it? Please send its asset tag.');
    },
    'Put on hold now',
  );
  await expectState(A.page, /^On hold/);
  await reloadTicket(R.page, number);
  await expectState(R.page, /^On hold: Waiting for the caller/);
  await conversation(R.page).getByText('Which printer is it? Please send its asset tag.').waitFor();
  expect(await R.page.getByText('Internal: printer is on the old driver.').count()).toBe(0);

  // 4. The requester replies: the ticket resumes.
  await run(R.page, R.drive, 'Reply', 'Reply', () => R.drive.fill(form(R.page, 'Reply').getByRole('textbox'), 'It is PRN-0042 on the third floor.'), 'Send reply');
  await expectState(R.page, /^In progress/);
  await reloadTicket(A.page, number);
  await expectState(A.page, /^In progress/);
  await conversation(A.page).getByText('It is PRN-0042 on the third floor.').waitFor();

  // 5. The analyst resolves it.
  const resolve = async (note: string) =>
    run(
      A.page,
      A.drive,
      'Resolve',
      'Resolve',
      async () => {
        await A.drive.choose(form(A.page, 'Resolve').getByRole('combobox', { name: /Resolution code/ }), 'Fixed permanently');
        await A.drive.fill(form(A.page, 'Resolve').getByRole('textbox'), note);
      },
      'Resolve ticket',
    );
  await resolve('Cleared the jam and updated the driver.');
  await expectState(A.page, /^Resolved/);
  await reloadTicket(R.page, number);
  await expectState(R.page, /^Resolved/);
  await action(R.page, 'Confirm it is fixed').waitFor();

  // 6. The requester reopens it.
  await run(R.page, R.drive, 'It is not fixed: reopen', 'It is not fixed: reopen', () => R.drive.fill(form(R.page, 'It is not fixed: reopen').getByRole('textbox'), 'It jammed again after lunch.'), 'Reopen ticket');
  await expectState(R.page, /^In progress/);
  await reloadTicket(A.page, number);
  await expectState(A.page, /^In progress/);
  await A.page.getByText('It jammed again after lunch.').first().waitFor();

  // 7. The analyst resolves it again; 8. the requester confirms and rates it.
  await resolve('Replaced the pickup roller.');
  await reloadTicket(R.page, number);
  await expectState(R.page, /^Resolved/);
  await run(
    R.page,
    R.drive,
    'Confirm it is fixed',
    'Confirm it is fixed',
    async () => {
      await R.drive.pick(R.page, 'rating', '4: satisfied');
      await R.drive.fill(form(R.page, 'Confirm it is fixed').getByRole('textbox', { name: /Comment/ }), 'Quick and friendly, thanks!');
    },
    'Confirm and close',
  );
  await expectState(R.page, /^Closed/);
  expect(await fact(R.page, 'Satisfaction rating').textContent()).toBe('4 out of 5');
  expect(await action(R.page, 'Confirm it is fixed').count()).toBe(0);
  await reloadTicket(A.page, number);
  await expectState(A.page, /^Closed/);

  // The script tag in the description stayed text on both screens.
  for (const page of [R.page, A.page]) expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  return number;
}
