// The demo data of `npm start`: a slice of the real ServiceNow event log shipped in data/servicenow-sample, imported
// through the same command as `npm run import`, up to a cut-off so some tickets are still open, and moved forward by
// whole weeks so it ends in the week before today. People, groups and services are generated from the log's
// pseudonyms with a fixed seed; the demo adds one administrator, generated the same way.
import { resolve } from 'node:path';
import { importAppPrincipal } from '../../api/import/app-principal';
import type { PeopleDirectory } from '../../api/import/ensure-reference';
import { runImport, type ImportRun, type ImportSummary } from '../../api/import/run-import';
import { personFor } from '../../domain/import/generate';
import { SERVICENOW_EVENTS } from '../../domain/import/mapping';
import type { GeneratedPerson } from '../../domain/import/types';
import { weeksToEndBefore } from '../../domain/import/week-shift';

export const DEMO_SLICE = resolve(import.meta.dirname, '../../../data/servicenow-sample/demo-slice.zip');
/** Local time in the log (Wednesday): rows after it are left out, so the tickets open then are open in the demo. */
export const DEMO_CUTOFF = '9/3/2016 15:00';
export const DEMO_ZONE = 'Europe/London';
/** Keyed like the log's own pseudonyms, so the administrator is always the same generated person. */
export const DEMO_ADMIN_SOURCE = 'Administrator 1';

export interface SeedTarget {
  readonly target: ImportRun['target'];
  readonly directory: PeopleDirectory;
  readonly appClientId: string;
  readonly now: Date;
  readonly log: (line: string) => void;
}

export function demoShiftWeeks(now: Date): number {
  return weeksToEndBefore(DEMO_CUTOFF, SERVICENOW_EVENTS.dateOrder, DEMO_ZONE, now.getTime());
}

/** Safe to run again after an interruption: the import is keyed on the source numbers and people on their UPNs. */
export async function seedDemo(seed: SeedTarget): Promise<ImportSummary> {
  const shiftWeeks = demoShiftWeeks(seed.now);
  const summary = await runImport({
    file: DEMO_SLICE,
    options: { mapping: SERVICENOW_EVENTS, zone: DEMO_ZONE, shiftWeeks, cutoffLocal: DEMO_CUTOFF },
    target: seed.target,
    directory: seed.directory,
    principal: importAppPrincipal(seed.appClientId, 'Demo seed (app)'),
    parallel: 6,
    batchesInFlight: 3,
  });
  // The administrator works in every support group, so the admin pages and all queues can be shown with one sign-in.
  const admin: GeneratedPerson = {
    ...personFor(DEMO_ADMIN_SOURCE, false), jobTitle: 'ITSM Administrator', source: DEMO_ADMIN_SOURCE,
    roles: ['Admin', 'Analyst'], groups: summary.referenceData.groups.map((g) => g.entraGroupId),
  };
  await seed.directory.ensurePeople([admin]);
  const t = summary.tickets;
  seed.log(
    `Seeded ${summary.referenceData.people.length + 1} people, ${summary.referenceData.groups.length} support groups, ` +
      `${summary.referenceData.services.length} services and ${t.created + t.updated + t.unchanged + t.kept} tickets ` +
      `from the ServiceNow demo slice (moved ${shiftWeeks} weeks forward) in ${summary.seconds.toFixed(1)} s.`,
  );
  return summary;
}
