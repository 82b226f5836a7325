// Data and pages for the web benchmark: a 25,000-ticket list with one group holding 500 open tickets, and a bare
// Fluent UI page to compare the queue's load with.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ticketToFields } from '../../src/data/mappers/tickets';
import { DEFAULT_PRIORITY_MATRIX } from '../../src/domain/tickets/priority';
import { createIncident } from '../../src/domain/tickets/create-incident';
import type { Impact, PersonRef, Ticket, Urgency } from '../../src/domain/tickets/types';

const DAY = 86_400_000;

function benchTicket(i: number, group: string, open: boolean, requester: PersonRef, now: number): Ticket {
  const openedAt = new Date(now - ((i * 7919) % (400 * DAY))).toISOString();
  const result = createIncident(
    { title: `Bench ticket ${i}: printer queue stuck`, description: `Generated for the web benchmark (${i}).`, impact: ((i % 3) + 1) as Impact, urgency: (((i >> 2) % 3) + 1) as Urgency, serviceId: 'email' },
    { number: `BENCH${String(i).padStart(7, '0')}`, now: openedAt, actor: requester, actorRole: 'Requester', requester, matrix: DEFAULT_PRIORITY_MATRIX, assignedGroupId: group },
  );
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join(' '));
  if (open) return result.value;
  const closedAt = new Date(Date.parse(openedAt) + 2 * DAY).toISOString();
  return { ...result.value, state: 'Closed', resolvedAt: closedAt, closedAt, resolutionCode: 'Fixed', resolutionNote: 'Done.' };
}

/** Rows for insertItems: `open` open tickets in `group`, the rest closed and spread over `groups`. */
export function benchTicketRows(options: { total: number; open: number; group: string; groups: readonly string[]; requester: PersonRef; now: number; startAt: number }) {
  const rows: Record<string, unknown>[] = [];
  for (let n = 0; n < options.total; n++) {
    const i = options.startAt + n;
    const open = n < options.open;
    const group = open ? options.group : options.groups[n % options.groups.length]!;
    rows.push(ticketToFields(benchTicket(i, group, open, options.requester, options.now), { idempotencyKey: `bench-${i}` }));
  }
  return rows;
}

const BARE_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bare Fluent</title></head><body><div id="root"></div><script type="module" src="./main.tsx"></script></body></html>`;
const BARE_MAIN = `import { FluentProvider, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Link, teamsLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
const rows = Array.from({ length: 50 }, (_, i) => i + 1);
createRoot(document.getElementById('root')!).render(
  <FluentProvider theme={teamsLightTheme}>
    <Table aria-label="Bare"><TableHeader><TableRow><TableHeaderCell>Number</TableHeaderCell><TableHeaderCell>Title</TableHeaderCell></TableRow></TableHeader>
    <TableBody>{rows.map((i) => <TableRow key={i}><TableCell><Link href={'#' + i}>Row {i}</Link></TableCell><TableCell>Title {i}</TableCell></TableRow>)}</TableBody></Table>
  </FluentProvider>,
);`;

/** Builds a bare Fluent UI page (provider, table of 50 rows with links) into .tmp, for comparison. */
export async function buildBarePage(root: string): Promise<string> {
  const src = join(root, '.tmp/bench-bare');
  mkdirSync(src, { recursive: true });
  writeFileSync(join(src, 'index.html'), BARE_HTML);
  writeFileSync(join(src, 'main.tsx'), BARE_MAIN);
  const { build } = await import('vite');
  const react = (await import('@vitejs/plugin-react')).default;
  const outDir = join(src, 'dist');
  await build({ root: src, base: '/__bare/', configFile: false, logLevel: 'warn', plugins: [react()], build: { outDir, emptyOutDir: true } });
  return outDir;
}
