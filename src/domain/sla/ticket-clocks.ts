// Every clock of one ticket, from its history + the policy in force when each clock started + calendar + now.
import type { BusinessCalendar } from '../calendar/compile';
import { CalendarFailure } from '../calendar/types';
import { ClockFailure, fromCalendarError, type ClockResult } from './errors';
import { evaluateClock } from './evaluate-clock';
import { replayHistory, type ClockSubject, type Replay, type TicketSnapshot } from './history-replay';
import { selectOlaAgreement, selectSlaPolicy } from './policy';
import { olaStintTracks, slaTracks } from './tracks';
import type { OlaAgreement, OlaEnd, OlaStint, SlaClocks, SlaPolicy, TicketClocks } from './types';

export interface ClockContext {
  readonly slaPolicies: readonly SlaPolicy[];
  readonly olaAgreements: readonly OlaAgreement[];
  /** Compiled calendars by id (compile once and reuse: each one memoises its working days). */
  readonly calendars: ReadonlyMap<string, BusinessCalendar>;
  /** The instant to compute at, in epoch milliseconds. */
  readonly now: number;
}

function calendarOf(ctx: ClockContext, id: string): BusinessCalendar {
  const cal = ctx.calendars.get(id);
  if (!cal) throw new ClockFailure({ code: 'calendar_missing', calendarId: id, message: `Calendar ${id} is not configured.` });
  return cal;
}

/** The ticket as it stood at instant t (after every entry stamped at or before t). */
function snapshotAt(replay: Replay, t: number): TicketSnapshot {
  let s = replay.initial;
  for (const step of replay.steps) {
    if (step.at > t) break;
    s = step.after;
  }
  return s;
}

function slaClocks(replay: Replay, ctx: ClockContext): SlaClocks | null {
  const serviceId = snapshotAt(replay, replay.openedAt).serviceId;
  const policy = selectSlaPolicy(ctx.slaPolicies, serviceId, replay.openedAt);
  if (!policy) return null;
  const calendar = calendarOf(ctx, policy.calendarId);
  const tracks = slaTracks(replay);
  return {
    policyId: policy.id,
    policyVersion: policy.version,
    response: evaluateClock({ track: tracks.response, policy, calendar, now: ctx.now }),
    resolution: evaluateClock({ track: tracks.resolution, policy, calendar, now: ctx.now }),
  };
}

function olaClocks(replay: Replay, ctx: ClockContext): { stints: OlaStint[]; uncovered: string[] } {
  const stints: OlaStint[] = [];
  const uncovered: string[] = [];
  for (const st of olaStintTracks(replay)) {
    if (st.assignedAt > ctx.now) break;
    const agreement = selectOlaAgreement(ctx.olaAgreements, st.groupId, st.assignedAt);
    if (!agreement) {
      if (!uncovered.includes(st.groupId)) uncovered.push(st.groupId);
      continue;
    }
    const calendar = calendarOf(ctx, agreement.calendarId);
    const end = st.resolution.end && st.resolution.end.at <= ctx.now ? st.resolution.end : null;
    stints.push({
      groupId: st.groupId,
      agreementId: agreement.id,
      agreementVersion: agreement.version,
      assignedAt: st.assignedAt,
      endedAt: end?.at ?? null,
      endedBy: (end?.reason as OlaEnd | undefined) ?? null,
      response: evaluateClock({ track: st.response, policy: agreement, calendar, now: ctx.now }),
      resolution: evaluateClock({ track: st.resolution, policy: agreement, calendar, now: ctx.now }),
    });
  }
  return { stints, uncovered };
}

/**
 * Computes the SLA clocks (policy chosen by the service at opening and the opening instant) and one set of OLA clocks
 * per assignment to a group (agreement chosen by group and assignment instant). Fails with a stable code when the
 * history is empty or malformed, a calendar is missing, or a calendar has no holiday data for a year the clocks need.
 */
export function computeTicketClocks(subject: ClockSubject, ctx: ClockContext): ClockResult<TicketClocks> {
  try {
    if (!Number.isFinite(ctx.now)) throw new ClockFailure({ code: 'invalid_argument', field: 'now', message: 'now must be epoch milliseconds.' });
    const replay = replayHistory(subject);
    const sla = slaClocks(replay, ctx);
    const { stints, uncovered } = olaClocks(replay, ctx);
    return { ok: true, value: { computedAt: ctx.now, sla, ola: stints, groupsWithoutAgreement: uncovered } };
  } catch (e) {
    if (e instanceof ClockFailure) return { ok: false, errors: [e.error] };
    if (e instanceof CalendarFailure) return { ok: false, errors: [fromCalendarError(e.error)] };
    throw e;
  }
}
