// Closes tickets left Resolved for N working days (SLA setting, default 5) on the calendar of the ticket's SLA
// policy, through the same command path as people's commands: If-Match on the version read, a deterministic
// idempotency key, role System. A ticket reopened meanwhile is a conflict and is left alone.
import { ApiError } from '../../api/http/api-error';
import type { SlaSnapshot } from '../../api/sla/runtime';
import { runSystemCommand } from '../../api/tickets/commands/run-command';
import type { StoredTicket } from '../../api/tickets/ticket-repository';
import { versionOf } from '../../api/tickets/version';
import type { BusinessCalendar } from '../../domain/calendar/compile';
import { addBusinessDays } from '../../domain/calendar/days';
import { selectSlaPolicy } from '../../domain/sla/policy';
import { autoClose } from '../../domain/tickets/commands/auto-close';
import type { JobReport, WorkerDeps } from '../deps';

/** The calendar of the SLA policy the ticket was opened under. */
function calendarFor(snapshot: SlaSnapshot, stored: StoredTicket): BusinessCalendar | null {
  const t = stored.ticket;
  const policy = selectSlaPolicy(snapshot.slaPolicies, t.serviceId, Date.parse(t.openedAt));
  return policy ? (snapshot.calendars.get(policy.calendarId) ?? null) : null;
}

/** When a resolved ticket closes, or a reason it cannot be worked out. */
export function autoCloseDueAt(snapshot: SlaSnapshot, stored: StoredTicket): { ok: true; at: number } | { ok: false; problem: string } {
  const t = stored.ticket;
  if (!t.resolvedAt) return { ok: false, problem: `${t.number} is resolved but has no resolved time.` };
  const calendar = calendarFor(snapshot, stored);
  if (!calendar) return { ok: false, problem: `${t.number}: no SLA policy (or its calendar) applies, so its working days are unknown.` };
  const due = addBusinessDays(calendar, Date.parse(t.resolvedAt), snapshot.settings.autoCloseBusinessDays);
  return due.ok ? { ok: true, at: due.value } : { ok: false, problem: `${t.number}: ${due.errors[0]!.message}` };
}

export async function runAutoClose(deps: WorkerDeps, now: Date): Promise<JobReport> {
  const [snapshot, resolved] = await Promise.all([deps.sla.snapshot(), deps.reads.resolved()]);
  let done = 0;
  let skipped = 0;
  const problems: string[] = [];
  const commandDeps = { tickets: deps.tickets, messages: deps.messages, clock: () => now, ...(deps.dueDates ? { dueDates: deps.dueDates } : {}) };
  for (const stored of resolved) {
    const due = autoCloseDueAt(snapshot, stored);
    if (!due.ok) {
      problems.push(due.problem);
      continue;
    }
    if (due.at > now.getTime()) {
      skipped++;
      continue;
    }
    const request = {
      number: stored.ticket.number,
      ifMatch: versionOf(stored),
      // One key per resolution: a retry of this close is recognised, a later resolution closes with a new key.
      idempotencyKey: `auto-close-${stored.ticket.history.length}`,
      body: {},
    };
    try {
      const { replayed } = await runSystemCommand(commandDeps, deps.system, request, (ticket, ctx) => autoClose(ticket, { dueAt: new Date(due.at).toISOString() }, ctx));
      if (replayed) skipped++;
      else done++;
    } catch (error) {
      // Reopened, confirmed or changed since it was read: the next run looks again.
      if (error instanceof ApiError && error.status === 409) skipped++;
      else problems.push(`${stored.ticket.number}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { job: 'auto-close', at: now.toISOString(), examined: resolved.length, done, skipped, problems };
}
