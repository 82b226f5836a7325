// Step 1 of the engine: the facts of one ticket, as of an instant, from its history, the clock engine and a named
// business calendar. Pure; the worker stores nothing else per ticket to rebuild every aggregate.
import { businessTimeBetween } from '../calendar/business-time';
import { ClockFailure } from '../sla/errors';
import { replayHistory, type Replay } from '../sla/history-replay';
import type { ClockContext } from '../sla/ticket-clocks';
import { stateMachines } from '../tickets/state-machine';
import { ratingsOf } from './satisfaction';
import { holdWithin, placeAt, timelineOf } from './timeline';
import type { KpiProblem, KpiTicketInput, ResolutionFact, TicketFacts } from './types';
import { clockVerdicts } from './verdicts';

export interface FactsContext {
  /** Policies, agreements and compiled calendars for the clocks. Its `now` is ignored: facts are taken at `asOf`. */
  readonly clocks: ClockContext;
  /** The instant the facts describe (the rebuild time); history after it is ignored. */
  readonly asOf: number;
  /** The named calendar business-time MTTR is measured on; it must be among `clocks.calendars`. */
  readonly businessCalendarId: string;
}

export type FactsErrorCode = 'history_invalid' | 'history_empty' | 'not_yet_opened' | 'calendar_missing' | 'invalid_argument';

export interface FactsError {
  readonly code: FactsErrorCode;
  readonly message: string;
  readonly ticket: string;
}

export type FactsResult = { readonly ok: true; readonly value: TicketFacts } | { readonly ok: false; readonly error: FactsError };

const failure = (ticket: string, code: FactsErrorCode, message: string): FactsResult => ({ ok: false, error: { code, message, ticket } });

export function extractTicketFacts(input: KpiTicketInput, ctx: FactsContext): FactsResult {
  const subject = input.ticket;
  const asOf = ctx.asOf;
  if (!Number.isFinite(asOf)) return failure(subject.number, 'invalid_argument', 'asOf must be epoch milliseconds.');
  const businessCal = ctx.clocks.calendars.get(ctx.businessCalendarId);
  if (!businessCal) return failure(subject.number, 'calendar_missing', `Calendar ${ctx.businessCalendarId} is not configured.`);
  let replay: Replay;
  try {
    replay = replayHistory(subject);
  } catch (e) {
    if (e instanceof ClockFailure) return failure(subject.number, e.error.code === 'history_empty' ? 'history_empty' : 'history_invalid', e.error.message);
    throw e;
  }
  if (replay.openedAt > asOf) return failure(subject.number, 'not_yet_opened', `Opened after ${new Date(asOf).toISOString()}.`);

  const machine = stateMachines[subject.type] ?? stateMachines.Incident;
  const timeline = timelineOf(replay, asOf, machine.open);
  const verdicts = clockVerdicts(subject, timeline, ctx.clocks, asOf);
  const problems: KpiProblem[] = [...verdicts.problems];
  const openedAt = replay.openedAt;

  const resolutions = timeline.resolutions.map((r, i): ResolutionFact => {
    const business = businessTimeBetween(businessCal, openedAt, r.at);
    if (!business.ok) problems.push({ code: 'business_time_failed', message: business.errors[0]!.message });
    const reassignmentsBefore = timeline.reassignments.filter((t) => t <= r.at).length;
    return {
      ...r,
      calendarMs: r.at - openedAt,
      businessMs: business.ok ? business.value : null,
      onHoldMs: holdWithin(timeline.holds, openedAt, r.at, asOf),
      reopensBefore: timeline.reopens.filter((x) => x.at < r.at).length,
      reassignmentsBefore,
      byFirstGroup: r.groupId === null ? null : reassignmentsBefore === 0,
      sla: verdicts.resolutionVerdicts[i] ?? null,
    };
  });
  const rated = ratingsOf(subject, timeline, asOf);
  problems.push(...rated.problems);

  return {
    ok: true,
    value: {
      number: subject.number,
      type: subject.type,
      asOf,
      opened: placeAt(timeline.moments, openedAt),
      firstGroupId: timeline.firstGroupId,
      resolutions,
      closures: timeline.closures,
      cancellations: timeline.cancellations,
      reopens: timeline.reopens,
      openSpans: timeline.openSpans,
      holds: timeline.holds,
      stints: timeline.stints,
      onHoldMs: holdWithin(timeline.holds, openedAt, asOf, asOf),
      reassignments: timeline.reassignments.length,
      slaPolicyKey: verdicts.slaPolicyKey,
      slaResponse: verdicts.slaResponse,
      ola: verdicts.ola,
      previousToolMadeSla: input.previousToolMadeSla ?? null,
      ratings: rated.ratings,
      problems,
    },
  };
}
