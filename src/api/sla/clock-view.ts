// A ticket's clocks as the API shows them: every clock with its timeline (analysts, owners, admins), the caller's
// view (target, and whether it waits for them), list summaries, and the due dates stored for sorting.
import type { ClockDto, ClockSummaryDto, FullClocksResponse, RequesterClocksResponse, TicketSlaSummaryDto } from '../../contracts/sla';
import type { ClockError } from '../../domain/sla/errors';
import { computeTicketClocks } from '../../domain/sla/ticket-clocks';
import type { Clock, TicketClocks } from '../../domain/sla/types';
import type { Ticket } from '../../domain/tickets/types';
import type { DerivedDueDates } from '../tickets/ticket-repository';
import type { SlaSnapshot } from './runtime';

export const DEFINITIONS_URL = '/docs/clock-definitions';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export type ClocksOutcome = { readonly ok: true; readonly value: TicketClocks } | { readonly ok: false; readonly errors: readonly ClockError[] };

export function clocksOf(snapshot: SlaSnapshot, ticket: Ticket, now: number): ClocksOutcome {
  return computeTicketClocks(ticket, snapshot.context(now));
}

function clockDto(c: Clock, id: string, scope: 'sla' | 'ola', policyKey: string, policyVersion: number, groupKey: string | null): ClockDto {
  return {
    id,
    scope,
    kind: c.kind,
    groupKey,
    policyKey,
    policyVersion,
    calendarKey: c.calendarId,
    measure: c.measure,
    startedAt: iso(c.startedAt)!,
    priority: c.priority,
    target: c.target,
    targetMs: c.targetMs,
    dueAt: iso(c.dueAt),
    completedAt: iso(c.completedAt),
    completedBy: c.completedBy,
    breachedAt: iso(c.breachedAt),
    elapsedMs: c.elapsedMs,
    pausedMs: c.pausedMs,
    remainingMs: c.remainingMs,
    percentElapsed: Math.round(c.percentElapsed * 10) / 10,
    state: c.state,
    counting: c.counting,
    segments: c.segments.map((s) => ({ from: iso(s.from)!, to: iso(s.to)!, kind: s.kind, reason: s.reason, measuredMs: s.measuredMs })),
    markers: c.markers.map((m) => ({ at: iso(m.at)!, fromPriority: m.fromPriority, toPriority: m.toPriority, target: m.target, targetMs: m.targetMs })),
    thresholds: c.thresholds.map((t) => ({ percent: t.percent, firesAt: iso(t.firesAt) })),
  };
}

/** Every clock with a stable id: the id is what breach warnings are keyed on (warningKey). */
export function listClocks(clocks: TicketClocks): { id: string; clock: Clock; dto: ClockDto }[] {
  const out: { id: string; clock: Clock; dto: ClockDto }[] = [];
  const sla = clocks.sla;
  for (const c of [sla?.response, sla?.resolution]) {
    if (!c || !sla) continue;
    const id = `sla:${c.kind}`;
    out.push({ id, clock: c, dto: clockDto(c, id, 'sla', sla.policyId, sla.policyVersion, null) });
  }
  for (const stint of clocks.ola) {
    for (const c of [stint.response, stint.resolution]) {
      if (!c) continue;
      const id = `ola:${stint.groupId}@${stint.assignedAt}:${c.kind}`;
      out.push({ id, clock: c, dto: clockDto(c, id, 'ola', stint.agreementId, stint.agreementVersion, stint.groupId) });
    }
  }
  return out;
}

const problemsOf = (errors: readonly ClockError[]) => errors.map((e) => ({ code: e.code, message: e.message }));

export function fullClocks(number: string, outcome: ClocksOutcome, now: number): FullClocksResponse {
  const base = { view: 'full' as const, number, computedAt: new Date(now).toISOString(), definitionsUrl: DEFINITIONS_URL };
  if (!outcome.ok) return { ...base, clocks: [], groupsWithoutAgreement: [], problems: problemsOf(outcome.errors) };
  return { ...base, clocks: listClocks(outcome.value).map((c) => c.dto), groupsWithoutAgreement: outcome.value.groupsWithoutAgreement, problems: [] };
}

const waitsForCaller = (ticket: Ticket): boolean => ticket.state === 'OnHold' && ticket.holdReason === 'AwaitingCaller';

/** The caller sees the customer clocks' targets and due times, never elapsed time, segments or OLAs. */
export function requesterClocks(ticket: Ticket, outcome: ClocksOutcome, now: number): RequesterClocksResponse {
  const base = { view: 'requester' as const, number: ticket.number, computedAt: new Date(now).toISOString(), definitionsUrl: DEFINITIONS_URL };
  if (!outcome.ok) return { ...base, clocks: [], problems: problemsOf(outcome.errors) };
  const sla = outcome.value.sla;
  const clocks = [sla?.response, sla?.resolution].filter((c): c is Clock => Boolean(c));
  return {
    ...base,
    clocks: clocks.map((c) => ({ kind: c.kind, target: c.target, dueAt: iso(c.dueAt), state: c.state, waitingForYou: c.state === 'paused' && waitsForCaller(ticket) })),
    problems: [],
  };
}

const isOpenClock = (c: Clock | null | undefined): c is Clock => Boolean(c) && c!.completedAt === null && c!.state !== 'cancelled';

/** Response until it is given, then resolution. */
function currentClock(clocks: TicketClocks): Clock | null {
  const sla = clocks.sla;
  if (!sla) return null;
  if (isOpenClock(sla.response)) return sla.response;
  return sla.resolution ?? sla.response ?? null;
}

function summaryDto(c: Clock): ClockSummaryDto {
  return { kind: c.kind, state: c.state, dueAt: iso(c.dueAt), remainingMs: c.remainingMs, percentElapsed: Math.round(c.percentElapsed * 10) / 10, measure: c.measure };
}

export function slaSummary(ticket: Ticket, outcome: ClocksOutcome): TicketSlaSummaryDto {
  if (!outcome.ok) return { current: null, waitingForCaller: waitsForCaller(ticket), problem: outcome.errors[0]!.message };
  const current = currentClock(outcome.value);
  return { current: current ? summaryDto(current) : null, waitingForCaller: waitsForCaller(ticket), problem: null };
}

/** What the ticket item stores for sorting: the due time of each customer clock still open (null when paused or done). */
export function storedDueDates(outcome: ClocksOutcome): DerivedDueDates {
  if (!outcome.ok || !outcome.value.sla) return { responseDueAt: null, resolutionDueAt: null };
  const { response, resolution } = outcome.value.sla;
  return {
    responseDueAt: isOpenClock(response) ? iso(response.dueAt) : null,
    resolutionDueAt: isOpenClock(resolution) ? iso(resolution.dueAt) : null,
  };
}
