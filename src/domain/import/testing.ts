// Test helpers: run the two passes over CSV text, and write history entries in a short form a person can check by hand.
import type { HistoryEntry } from '../tickets/types';
import { personFor } from './generate';
import { SERVICENOW_EVENTS } from './mapping';
import { ReferencePass, TicketPass, type ImportOptions } from './session';
import type { RebuiltTicket, RowProblem } from './types';

/** Splits simple CSV (no quoted fields: the ServiceNow sample has none) into records with their line numbers. */
export function simpleRecords(text: string): { record: string[]; line: number }[] {
  return text
    .split('\n')
    .map((l, i) => ({ record: l.replace(/\r$/, '').split(','), line: i + 1 }))
    .filter((r) => r.record.join('').length > 0);
}

export interface PassResult {
  readonly tickets: Map<string, RebuiltTicket>;
  readonly problems: RowProblem[];
  readonly pass: TicketPass;
  readonly reference: ReferencePass;
}

export function importText(text: string, options: Partial<ImportOptions> = {}): PassResult {
  const opts: ImportOptions = { mapping: SERVICENOW_EVENTS, zone: 'Europe/London', ...options };
  const [header, ...rows] = simpleRecords(text);
  const reference = new ReferencePass(header!.record, opts);
  for (const r of rows) reference.push(r.record, r.line);
  const pass = new TicketPass(header!.record, opts, reference.lastLines());
  const tickets = new Map<string, RebuiltTicket>();
  const problems: RowProblem[] = [];
  for (const r of [...rows.map((row) => pass.push(row.record, row.line)), pass.finish()]) {
    for (const t of r.tickets) tickets.set(t.ticket.number, t);
    problems.push(...r.problems);
  }
  return { tickets, problems, pass, reference };
}

/** Maps generated person ids back to the log's pseudonyms, so expectations can name "Updated by 241". */
export function sourceNames(sources: readonly string[]): Map<string, string> {
  return new Map(sources.map((s) => [personFor(s, false).id, s]));
}

/** "2016-03-07T10:17:00Z hold Analyst Updated by 241: state=New>OnHold, holdReason=null>AwaitingCaller" (title left out). */
export function brief(entry: HistoryEntry, names: ReadonlyMap<string, string>): string {
  const show = (field: string, v: unknown) => (field === 'assignee' && typeof v === 'string' ? (names.get(v) ?? v) : String(v));
  const changes = entry.changes
    .filter((c) => c.field !== 'title')
    .map((c) => `${c.field}=${show(c.field, c.from)}>${show(c.field, c.to)}`)
    .join(', ');
  return `${entry.at} ${entry.action} ${entry.byRole ?? '-'} ${names.get(entry.by.id) ?? entry.by.name}: ${changes}`;
}
