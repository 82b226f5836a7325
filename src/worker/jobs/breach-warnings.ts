// Breach warnings at each clock's thresholds (50, 75, 100 % unless the policy says otherwise), to the assignee and
// the group, written to the notification outbox under warningKey: run twice, written once. With the policy's
// "warn only in working hours", nothing is written while the clock's calendar is closed.
import { clocksOf, listClocks } from '../../api/sla/clock-view';
import type { SlaSnapshot } from '../../api/sla/runtime';
import type { StoredTicket } from '../../api/tickets/ticket-repository';
import { isWorkingInstant, nextWorkingInstant } from '../../domain/calendar/business-time';
import { warningKey, warningsDue } from '../../domain/sla/warnings';
import type { Clock } from '../../domain/sla/types';
import type { OutboxRecord } from '../../data/mappers/notification-outbox';
import type { JobReport, WorkerDeps } from '../deps';

/** Warnings whose moment is further back than this are not sent (the server was down): their news is stale. */
export const WARNING_LOOKBACK_MS = 3 * 86_400_000;

interface Candidate {
  readonly stored: StoredTicket;
  readonly clockId: string;
  readonly clock: Clock;
  readonly groupKey: string | null;
  readonly scope: 'sla' | 'ola';
  readonly policyKey: string;
  readonly policyVersion: number;
}

function quietHours(snapshot: SlaSnapshot, c: Candidate): boolean {
  const list = c.scope === 'sla' ? snapshot.slaPolicies : snapshot.olaAgreements;
  return list.find((p) => p.id === c.policyKey && p.version === c.policyVersion)?.warnOnlyInWorkingHours !== false;
}

/** The instant the warning may go out, or null while the calendar is closed (held until it opens). */
function sendableAt(snapshot: SlaSnapshot, c: Candidate, firesAt: number, now: number): number | null {
  if (!quietHours(snapshot, c)) return firesAt;
  const calendar = snapshot.calendars.get(c.clock.calendarId);
  if (!calendar) return null;
  const open = isWorkingInstant(calendar, now);
  const from = nextWorkingInstant(calendar, firesAt);
  return open.ok && open.value && from.ok ? from.value : null;
}

function record(c: Candidate, percent: number, firesAt: number, now: Date): OutboxRecord {
  const t = c.stored.ticket;
  const current = c.scope === 'sla' || c.groupKey === t.assignedGroupId;
  const what = `${c.scope === 'sla' ? 'SLA' : `OLA (${c.groupKey})`} ${c.clock.kind}`;
  return {
    key: warningKey(t.number, c.clockId, percent),
    kind: 'BreachWarning',
    title: `${t.number}: ${what} at ${percent} %`,
    ticketNumber: t.number,
    status: 'Pending',
    createdAt: now.toISOString(),
    dueAt: new Date(firesAt).toISOString(),
    // The person working it now, if the warning is about the group holding it.
    recipient: current ? t.assignee : null,
    groupKey: c.scope === 'sla' ? t.assignedGroupId : c.groupKey,
    payload: {
      clock: c.clockId, scope: c.scope, kind: c.clock.kind, percent, priority: t.priority, title: t.title,
      dueAt: c.clock.dueAt === null ? null : new Date(c.clock.dueAt).toISOString(), state: c.clock.state, policy: `${c.policyKey}@${c.policyVersion}`,
    },
    sentAt: null,
    attempts: 0,
    lastError: null,
  };
}

/**
 * The breach-warnings job. It keeps the outbox keys it knows between runs, so a run that finds nothing new reads
 * and writes nothing in the outbox; the first run of a process reads them all.
 */
export function breachWarningsJob(deps: WorkerDeps): (now: Date) => Promise<JobReport> {
  let known: Set<string> | null = null;
  return async (now) => {
    known ??= await deps.outbox.allKeys();
    return runBreachWarnings(deps, now, known);
  };
}

export async function runBreachWarnings(deps: WorkerDeps, now: Date, known: Set<string>): Promise<JobReport> {
  const at = now.getTime();
  const [snapshot, open] = await Promise.all([deps.sla.snapshot(), deps.reads.open()]);
  let skipped = 0;
  const problems: string[] = [];
  const fresh: OutboxRecord[] = [];
  for (const stored of open) {
    const outcome = clocksOf(snapshot, stored.ticket, at);
    if (!outcome.ok) {
      problems.push(`${stored.ticket.number}: ${outcome.errors[0]!.message}`);
      continue;
    }
    for (const { id, clock, dto } of listClocks(outcome.value)) {
      const c: Candidate = { stored, clockId: id, clock, groupKey: dto.groupKey, scope: dto.scope, policyKey: dto.policyKey, policyVersion: dto.policyVersion };
      for (const w of warningsDue(clock, at)) {
        const key = warningKey(stored.ticket.number, id, w.percent);
        const from = sendableAt(snapshot, c, w.firesAt, at);
        if (known.has(key) || from === null || from > at || w.firesAt < at - WARNING_LOOKBACK_MS) skipped++;
        else fresh.push(record(c, w.percent, w.firesAt, now));
      }
    }
  }
  const outcomes = await deps.outbox.addAll(fresh);
  fresh.forEach((r) => known.add(r.key));
  const done = outcomes.filter((o) => o === 'created').length;
  return { job: 'breach-warnings', at: now.toISOString(), examined: open.length, done, skipped: skipped + outcomes.length - done, problems };
}
