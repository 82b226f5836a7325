// Inputs to the KPI engine and the per-ticket facts it extracts. Instants are epoch milliseconds.
// Definitions for service owners: docs/kpi-definitions.md.
import type { ClockSubject } from '../sla/history-replay';
import type { Ticket } from '../tickets/types';

/** What the engine reads from a ticket; a Ticket satisfies it. `satisfaction` is the caller's rating at confirmation. */
export type KpiSubject = ClockSubject & Pick<Ticket, 'number' | 'type' | 'satisfaction'>;

export interface KpiTicketInput {
  readonly ticket: KpiSubject;
  /** For imported tickets: the SLA outcome the previous tool recorded (ServiceNow made_sla). Kept apart from ours. */
  readonly previousToolMadeSla?: boolean | null;
}

/** Where the ticket stood when something happened: figures attribute the event to this group and service. */
export interface Placed {
  readonly at: number;
  readonly groupId: string | null;
  readonly serviceId: string | null;
}

/** A clock's outcome under a policy or agreement, identified as `${id}@${version}`. */
export interface Verdict {
  readonly key: string;
  readonly met: boolean;
}

export interface ResolutionFact extends Placed {
  /** From opening to this resolution, in real time. */
  readonly calendarMs: number;
  /** The same on the named business calendar; null when that calendar cannot measure it (no holiday data). */
  readonly businessMs: number | null;
  /** Time on hold between opening and this resolution, in real time. */
  readonly onHoldMs: number;
  readonly reopensBefore: number;
  readonly reassignmentsBefore: number;
  /** Resolved by the first group it was assigned to, never having left it; null when no group held it then. */
  readonly byFirstGroup: boolean | null;
  /** The SLA resolution clock as it stood at this resolution; null when no policy applied or it could not be computed. */
  readonly sla: Verdict | null;
}

/** A stretch in an open state (New, In progress, On hold) with one group and service; `to` null while still open. */
export interface OpenSpan {
  readonly from: number;
  readonly to: number | null;
  readonly groupId: string | null;
  readonly serviceId: string | null;
}

export interface HoldSpan {
  readonly from: number;
  readonly to: number | null;
  readonly reason: string;
}

/** One assignment to a group, until the next change of group. `heldMs`: real time it was open while with this group. */
export interface GroupStint {
  readonly groupId: string;
  readonly from: number;
  readonly to: number | null;
  readonly endedBy: 'handover' | 'unassigned' | null;
  readonly heldMs: number;
}

export interface VerdictEvent extends Placed {
  readonly verdict: Verdict;
}

/** A group's OLA clocks for one stint, against the agreement in force when the stint started. */
export interface OlaFact {
  readonly groupId: string;
  readonly assignedAt: number;
  readonly agreementKey: string;
  readonly response: VerdictEvent | null;
  /** Each time the stint's resolution clock completed (a resolution, or the hand-over), with its verdict then. */
  readonly completions: readonly VerdictEvent[];
  /** For the OLA review: the resolution target and the business time the group's clock ran, as of the facts. */
  readonly resolutionTargetMs: number | null;
  readonly resolutionElapsedMs: number | null;
  readonly resolutionState: string | null;
}

export interface RatingFact extends Placed {
  readonly rating: number;
}

export type KpiProblemCode = 'clocks_failed' | 'business_time_failed' | 'rating_invalid';

export interface KpiProblem {
  readonly code: KpiProblemCode;
  readonly message: string;
}

/** Everything the reducers need from one ticket, as of `asOf`. Plain data: it can be stored and re-folded. */
export interface TicketFacts {
  readonly number: string;
  readonly type: Ticket['type'];
  readonly asOf: number;
  readonly opened: Placed;
  readonly firstGroupId: string | null;
  readonly resolutions: readonly ResolutionFact[];
  readonly closures: readonly Placed[];
  readonly cancellations: readonly Placed[];
  readonly reopens: readonly Placed[];
  readonly openSpans: readonly OpenSpan[];
  readonly holds: readonly HoldSpan[];
  readonly stints: readonly GroupStint[];
  readonly onHoldMs: number;
  readonly reassignments: number;
  readonly slaPolicyKey: string | null;
  readonly slaResponse: VerdictEvent | null;
  readonly ola: readonly OlaFact[];
  readonly previousToolMadeSla: boolean | null;
  readonly ratings: readonly RatingFact[];
  readonly problems: readonly KpiProblem[];
}

export const policyKey = (id: string, version: number): string => `${id}@${version}`;
