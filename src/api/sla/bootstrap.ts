// Seeds the SLA defaults on start. Idempotent: a calendar, policy or agreement that exists is left as the admins
// made it, so running it on every start (or after an interrupted one) changes nothing that is there.
import type { PersonRef } from '../../domain/tickets/types';
import { defaultCalendars, defaultOlaAgreement, defaultSlaPolicy, STANDARD_POLICY } from './defaults';
import type { SlaRuntime } from './runtime';

export interface BootstrapReport {
  readonly calendars: readonly string[];
  readonly policies: readonly string[];
  readonly agreements: readonly string[];
}

export async function ensureSlaDefaults(sla: SlaRuntime, at: Date, by: PersonRef): Promise<BootstrapReport> {
  const when = at.toISOString();
  const calendars: string[] = [];
  for (const calendar of defaultCalendars(when, by)) {
    if (await sla.store.calendars.get(calendar.key)) continue;
    await sla.store.calendars.put(calendar.key, calendar, null);
    calendars.push(calendar.key);
  }
  const policies: string[] = [];
  if (!(await sla.store.slaPolicies.list()).some((p) => p.record.id === STANDARD_POLICY)) {
    await sla.store.slaPolicies.append(defaultSlaPolicy(when, by));
    policies.push(STANDARD_POLICY);
  }
  sla.invalidate();
  return { calendars, policies, agreements: [] };
}

/** One approved default OLA for each group that has no agreement yet (the demo seed's groups). */
export async function ensureDefaultOlas(sla: SlaRuntime, groups: readonly { key: string; name: string }[], at: Date, by: PersonRef): Promise<string[]> {
  const existing = new Set((await sla.store.olaAgreements.list()).map((a) => a.record.groupId));
  const made: string[] = [];
  for (const group of groups) {
    if (existing.has(group.key)) continue;
    const agreement = defaultOlaAgreement(group.key, group.name, at.toISOString(), by);
    await sla.store.olaAgreements.append(agreement);
    made.push(agreement.id);
  }
  sla.invalidate();
  return made;
}
