// What the demo seed holds, worked out independently of the store: the demo slice run through the import's own
// passes with the seed's cut-off. Tests compare what the API shows against it.
import { readRecords } from '../../src/api/import/source';
import { personFor } from '../../src/domain/import/generate';
import { SERVICENOW_EVENTS } from '../../src/domain/import/mapping';
import { ReferencePass, TicketPass, type ImportOptions } from '../../src/domain/import/session';
import type { ImportReference } from '../../src/domain/import/types';
import { DEMO_CUTOFF, DEMO_SLICE, DEMO_ZONE } from '../../src/server/seed/run-seed';

export interface DemoFacts {
  readonly tickets: number;
  /** Open (New, In progress, On hold) tickets per support group key. */
  readonly openByGroup: ReadonlyMap<string, number>;
  readonly reference: ImportReference;
}

const OPEN = new Set(['New', 'InProgress', 'OnHold']);

export async function demoFacts(): Promise<DemoFacts> {
  const options: ImportOptions = { mapping: SERVICENOW_EVENTS, zone: DEMO_ZONE, cutoffLocal: DEMO_CUTOFF };
  let ref: ReferencePass | null = null;
  for await (const { record, line } of readRecords(DEMO_SLICE)) {
    if (!ref) ref = new ReferencePass(record, options);
    else ref.push(record, line);
  }
  let pass: TicketPass | null = null;
  const openByGroup = new Map<string, number>();
  let tickets = 0;
  for await (const { record, line } of readRecords(DEMO_SLICE)) {
    if (!pass) {
      pass = new TicketPass(record, options, ref!.lastLines());
      continue;
    }
    for (const t of pass.push(record, line).tickets) {
      tickets += 1;
      const { state, assignedGroupId } = t.ticket;
      if (OPEN.has(state) && assignedGroupId) openByGroup.set(assignedGroupId, (openByGroup.get(assignedGroupId) ?? 0) + 1);
    }
  }
  return { tickets, openByGroup, reference: ref!.reference() };
}

/** The generated UPN of one of the log's pseudonyms. */
export const upnOf = (source: string): string => personFor(source, false).upn;

/** An analyst who worked in exactly one support group, the one with the most open tickets, and that group. */
export function busiestSingleGroupAnalyst(facts: DemoFacts): { upn: string; group: { key: string; name: string }; open: number } {
  const byEntraId = new Map(facts.reference.groups.map((g) => [g.entraGroupId, g]));
  const candidates = facts.reference.people
    .filter((p) => p.roles.length === 1 && p.roles[0] === 'Analyst' && p.groups.length === 1)
    .map((p) => ({ upn: p.upn, group: byEntraId.get(p.groups[0]!)! }))
    .map((c) => ({ upn: c.upn, group: { key: c.group.key, name: c.group.name }, open: facts.openByGroup.get(c.group.key) ?? 0 }))
    .sort((a, b) => b.open - a.open || (a.upn < b.upn ? -1 : 1));
  if (!candidates[0]) throw new Error('the demo slice has no analyst who worked in a single group');
  return candidates[0];
}
