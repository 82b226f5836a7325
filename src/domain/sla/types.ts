// SLA policies, OLA agreements and the clocks computed from them. Definitions: docs/clock-definitions.md.
import type { HoldReason, Priority } from '../tickets/types';

/** A target: business time on the policy's calendar, whole business days, or calendar days in local time. */
export type TargetSpec =
  | { readonly unit: 'businessMinutes'; readonly value: number }
  | { readonly unit: 'businessDays'; readonly value: number }
  | { readonly unit: 'calendarDays'; readonly value: number };

/** A policy may leave out a clock (null) but then for every priority, so a priority change never loses a clock. */
export interface PriorityTargets {
  readonly response: TargetSpec | null;
  readonly resolution: TargetSpec | null;
}

export type TargetsByPriority = Readonly<Record<Priority, PriorityTargets>>;

export type ClockKind = 'response' | 'resolution';

/** Which on-hold reasons pause each clock. A reason left out keeps that clock running. Absent: every reason pauses. */
export interface HoldPauseRules {
  readonly response?: readonly HoldReason[];
  readonly resolution?: readonly HoldReason[];
}

interface Versioned {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  /** ISO instant from which this version applies to clocks that start then or later. */
  readonly effectiveFrom: string;
  /** ISO instant after which no new clock uses it; null or absent when open-ended. */
  readonly effectiveTo?: string | null;
  readonly calendarId: string;
  readonly targets: TargetsByPriority;
  readonly pausedBy?: HoldPauseRules;
  /** Percentages of the target at which warnings fire; default 50, 75, 100. */
  readonly warningThresholds?: readonly number[];
  /** For targets in calendar days: hold warnings that fall outside the calendar's hours until it opens. */
  readonly warnOnlyInWorkingHours?: boolean;
}

/** Customer-facing: per priority, and optionally for one service (a service policy beats the default one). */
export interface SlaPolicy extends Versioned {
  readonly serviceId: string | null;
}

/** Internal, agreed with one support group. */
export interface OlaAgreement extends Versioned {
  readonly groupId: string;
}

export type SegmentKind = 'running' | 'paused' | 'stopped';

/** A stretch of time in which the clock ran, was paused (with the hold reason), or was stopped (resolved, later reopened). */
export interface ClockSegment {
  readonly from: number;
  readonly to: number;
  readonly kind: SegmentKind;
  /** Why: the hold reason when paused; 'Resolved' when stopped; the action that started it when running. */
  readonly reason: string;
  /** The segment's length in the clock's measure; only running segments count towards the target. */
  readonly measuredMs: number;
}

/** A priority change: the target was recomputed from the clock's original start with the new priority's target. */
export interface TargetChangeMarker {
  readonly at: number;
  readonly kind: 'targetChanged';
  readonly fromPriority: Priority;
  readonly toPriority: Priority;
  readonly target: TargetSpec;
  readonly targetMs: number;
}

export interface ThresholdInstant {
  readonly percent: number;
  /** When the clock reaches this share of its target; null when unknown (paused) or never (stopped before). */
  readonly firesAt: number | null;
}

export type ClockState = 'running' | 'paused' | 'met' | 'breached' | 'cancelled';

export interface Clock {
  readonly kind: ClockKind;
  readonly calendarId: string;
  /** 'business': working time of the calendar; 'elapsed': real time, for targets in calendar days. */
  readonly measure: 'business' | 'elapsed';
  readonly startedAt: number;
  readonly priority: Priority;
  readonly target: TargetSpec;
  readonly targetMs: number;
  /** When the target is (or was) reached; null while paused before reaching it, or if cancelled before it. */
  readonly dueAt: number | null;
  /** When the clock stopped for good (response given, resolved, handed over); null while open or cancelled. */
  readonly completedAt: number | null;
  /** What completed it: 'taken', 'analystReply', 'resolved', 'handover' or 'unassigned'. */
  readonly completedBy: string | null;
  /** The instant it went past the due time without being completed, or null. */
  readonly breachedAt: number | null;
  readonly elapsedMs: number;
  readonly pausedMs: number;
  readonly remainingMs: number;
  readonly percentElapsed: number;
  readonly state: ClockState;
  /** True when the clock is counting at `now`. */
  readonly counting: boolean;
  readonly segments: readonly ClockSegment[];
  readonly markers: readonly TargetChangeMarker[];
  readonly thresholds: readonly ThresholdInstant[];
}

export interface SlaClocks {
  readonly policyId: string;
  readonly policyVersion: number;
  readonly response: Clock | null;
  readonly resolution: Clock | null;
}

export type OlaEnd = 'handover' | 'unassigned' | 'cancelled';

/** One assignment of the ticket to a group: its own OLA clocks, from the assignment to resolution or hand-over. */
export interface OlaStint {
  readonly groupId: string;
  readonly agreementId: string;
  readonly agreementVersion: number;
  readonly assignedAt: number;
  readonly endedAt: number | null;
  readonly endedBy: OlaEnd | null;
  readonly response: Clock | null;
  readonly resolution: Clock | null;
}

export interface TicketClocks {
  readonly computedAt: number;
  readonly sla: SlaClocks | null;
  readonly ola: readonly OlaStint[];
  /** Assignments to groups that had no OLA agreement in force when they started. */
  readonly groupsWithoutAgreement: readonly string[];
}
