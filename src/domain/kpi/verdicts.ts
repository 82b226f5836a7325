// SLA and OLA verdicts for the KPIs, from the clock engine. A verdict is taken when a clock completes: a resolution
// that was later reopened is judged by the clocks as they stood at that resolution (recomputed with now = that
// instant), so a reopen or a later priority change never rewrites a period already reported.
import type { ClockSubject } from '../sla/history-replay';
import { computeTicketClocks, type ClockContext } from '../sla/ticket-clocks';
import type { Clock, OlaStint, TicketClocks } from '../sla/types';
import { snapshotAt, type Timeline } from './timeline';
import { policyKey, type KpiProblem, type OlaFact, type Placed, type Verdict, type VerdictEvent } from './types';

export interface ClockVerdicts {
  readonly slaPolicyKey: string | null;
  readonly slaResponse: VerdictEvent | null;
  /** One per resolution of the timeline, in order. */
  readonly resolutionVerdicts: readonly (Verdict | null)[];
  readonly ola: readonly OlaFact[];
  readonly problems: readonly KpiProblem[];
}

/** A clock that completed with a verdict (resolved, handed over, responded). */
const decided = (c: Clock | null | undefined): Clock | null =>
  c && c.completedAt !== null && (c.state === 'met' || c.state === 'breached') ? c : null;

/**
 * A response clock's verdict and its instant: met when it completed in time, breached when it passed its due time,
 * whether or not anyone responded later, so a ticket nobody answers still counts against the period it breached in.
 */
function responseOutcome(c: Clock | null | undefined): { at: number; met: boolean } | null {
  if (c?.state === 'met' && c.completedAt !== null) return { at: c.completedAt, met: true };
  if (c?.state === 'breached' && c.breachedAt !== null) return { at: c.breachedAt, met: false };
  return null;
}

const isDone = (state: string): boolean => state === 'Resolved' || state === 'Closed';

function sameStint(clocks: TicketClocks | null, s: OlaStint): OlaStint | undefined {
  return clocks?.ola.find((x) => x.groupId === s.groupId && x.assignedAt === s.assignedAt);
}

export function clockVerdicts(subject: ClockSubject, timeline: Timeline, ctx: ClockContext, asOf: number): ClockVerdicts {
  const final = computeTicketClocks(subject, { ...ctx, now: asOf });
  const resolutions = timeline.resolutions;
  if (!final.ok) {
    const problems = final.errors.map((e): KpiProblem => ({ code: 'clocks_failed', message: `${e.code}: ${e.message}` }));
    return { slaPolicyKey: null, slaResponse: null, resolutionVerdicts: resolutions.map(() => null), ola: [], problems };
  }
  const moments = timeline.moments;
  const stillDone = isDone(moments[moments.length - 1]!.after.state);
  const memo = new Map<number, TicketClocks | null>();
  const problems: KpiProblem[] = [];
  /** The clocks as they stood at resolution i: the final ones if nothing happened to the clock after it. */
  const clocksAt = (i: number): TicketClocks | null => {
    if (i === resolutions.length - 1 && stillDone) return final.value;
    let c = memo.get(i);
    if (c === undefined) {
      const r = computeTicketClocks(subject, { ...ctx, now: resolutions[i]!.at });
      if (!r.ok) problems.push({ code: 'clocks_failed', message: `${r.errors[0]!.code}: ${r.errors[0]!.message}` });
      c = r.ok ? r.value : null;
      memo.set(i, c);
    }
    return c;
  };
  const placeFor = (at: number, groupId: string | null): Placed => ({
    at,
    groupId,
    serviceId: snapshotAt(moments, at).serviceId,
  });

  const sla = final.value.sla;
  const key = sla ? policyKey(sla.policyId, sla.policyVersion) : null;
  const response = responseOutcome(sla?.response);
  const slaResponse = key && response ? { ...placeFor(response.at, snapshotAt(moments, response.at).groupId), verdict: { key, met: response.met } } : null;
  const resolutionVerdicts = resolutions.map((_, i): Verdict | null => {
    const c = clocksAt(i)?.sla;
    const clock = decided(c?.resolution);
    return c && clock ? { key: policyKey(c.policyId, c.policyVersion), met: clock.state === 'met' } : null;
  });

  const ola = final.value.ola.map((s): OlaFact => {
    const k = policyKey(s.agreementId, s.agreementVersion);
    const verdictOf = (c: Clock | null): Verdict | null => (c ? { key: k, met: c.state === 'met' } : null);
    const completions: VerdictEvent[] = [];
    resolutions.forEach((r, i) => {
      if (r.at < s.assignedAt || (s.endedAt !== null && r.at >= s.endedAt)) return;
      const v = verdictOf(decided(sameStint(clocksAt(i), s)?.resolution));
      if (v) completions.push({ ...placeFor(r.at, s.groupId), verdict: v });
    });
    const end = decided(s.resolution);
    if (s.endedAt !== null && end && end.completedBy !== 'resolved') {
      completions.push({ ...placeFor(s.endedAt, s.groupId), verdict: verdictOf(end)! });
    }
    // A group handed a ticket that is already resolved has nothing to respond to (the previous tool often did this).
    const resp = isDone(snapshotAt(moments, s.assignedAt).state) ? null : responseOutcome(s.response);
    return {
      groupId: s.groupId,
      assignedAt: s.assignedAt,
      agreementKey: k,
      response: resp ? { ...placeFor(resp.at, s.groupId), verdict: { key: k, met: resp.met } } : null,
      completions,
      resolutionTargetMs: s.resolution?.targetMs ?? null,
      resolutionElapsedMs: s.resolution?.elapsedMs ?? null,
      resolutionState: s.resolution?.state ?? null,
    };
  });
  return { slaPolicyKey: key, slaResponse, resolutionVerdicts, ola, problems };
}
