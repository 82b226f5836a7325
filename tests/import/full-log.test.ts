// The whole ServiceNow log through the import's own passes (no store: the full import into a store is the bench,
// `npm run bench -- import`). Needs ../shared/data/uci_incident_event_log.zip; says plainly that it skipped without it.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecords } from '../../src/api/import/source';
import { SERVICENOW_EVENTS } from '../../src/domain/import/mapping';
import { QUIRK, unknownStateQuirk } from '../../src/domain/import/quirks';
import { ReferencePass, TicketPass, type ImportOptions } from '../../src/domain/import/session';

const LOG = resolve(import.meta.dirname, '../../../shared/data/uci_incident_event_log.zip');
const present = existsSync(LOG);
if (!present) console.log(`SKIPPED: the full-log import test needs ${LOG}, which is not here.`);

describe.skipIf(!present)('the whole ServiceNow event log', () => {
  it('rebuilds 24,918 tickets from 141,712 rows, leaving no row out, and counts its quirks', { timeout: 180_000 }, async () => {
    const options: ImportOptions = { mapping: SERVICENOW_EVENTS, zone: 'Europe/London' };
    let ref: ReferencePass | null = null;
    for await (const { record, line } of readRecords(LOG)) {
      if (!ref) ref = new ReferencePass(record, options);
      else ref.push(record, line);
    }
    let pass: TicketPass | null = null;
    const numbers = new Set<string>();
    let entries = 0;
    let problems = 0;
    for await (const { record, line } of readRecords(LOG)) {
      if (!pass) {
        pass = new TicketPass(record, options, ref!.lastLines());
        continue;
      }
      const r = pass.push(record, line);
      problems += r.problems.length;
      for (const t of r.tickets) {
        numbers.add(t.ticket.number);
        entries += t.ticket.history.length;
      }
    }
    expect(pass!.rows).toBe(141_712);
    expect(numbers.size).toBe(24_918);
    expect(problems).toBe(0);
    expect(entries).toBe(132_027);
    const q = pass!.quirks;
    expect(q.get(unknownStateQuirk('-100'))).toBe(5);
    expect(q.get(QUIRK.reopenedAfterClosed)).toBe(12);
    expect(q.get(QUIRK.repeatedClosed)).toBe(55);
    expect(q.get(QUIRK.outOfOrder)).toBe(4);
    const reference = ref!.reference();
    expect(reference.groups).toHaveLength(78);
    expect(new Set(reference.people.map((p) => p.upn)).size).toBe(reference.people.length);
  });
});
