// SLA and OLA shapes shared by the API and the tab: clocks of a ticket, list summaries, and the admin records.
// Instants are ISO strings; durations are milliseconds of the clock's measure (working time, or real time for
// targets in calendar days). Definitions: docs/clock-definitions.md.
import type { HoldReason, Priority } from '../domain/tickets/types';

export type TargetUnit = 'businessMinutes' | 'businessDays' | 'calendarDays';
export interface TargetDto {
  readonly unit: TargetUnit;
  readonly value: number;
}

export type ClockStateDto = 'running' | 'paused' | 'met' | 'breached' | 'cancelled';

export interface ClockSegmentDto {
  readonly from: string;
  readonly to: string;
  readonly kind: 'running' | 'paused' | 'stopped';
  /** The hold reason when paused, 'Resolved' when stopped, the action that started it when running. */
  readonly reason: string;
  readonly measuredMs: number;
}

export interface ClockMarkerDto {
  readonly at: string;
  readonly fromPriority: Priority;
  readonly toPriority: Priority;
  readonly target: TargetDto;
  readonly targetMs: number;
}

export interface ClockDto {
  /** 'sla:response', 'sla:resolution', 'ola:<group>@<assigned ms>:response', ...: the id warnings are keyed on. */
  readonly id: string;
  readonly scope: 'sla' | 'ola';
  readonly kind: 'response' | 'resolution';
  /** The support group of an OLA clock. */
  readonly groupKey: string | null;
  readonly policyKey: string;
  readonly policyVersion: number;
  readonly calendarKey: string;
  readonly measure: 'business' | 'elapsed';
  readonly startedAt: string;
  readonly priority: Priority;
  readonly target: TargetDto;
  readonly targetMs: number;
  readonly dueAt: string | null;
  readonly completedAt: string | null;
  readonly completedBy: string | null;
  readonly breachedAt: string | null;
  readonly elapsedMs: number;
  readonly pausedMs: number;
  readonly remainingMs: number;
  readonly percentElapsed: number;
  readonly state: ClockStateDto;
  readonly counting: boolean;
  readonly segments: readonly ClockSegmentDto[];
  readonly markers: readonly ClockMarkerDto[];
  readonly thresholds: readonly { readonly percent: number; readonly firesAt: string | null }[];
}

export interface ClockProblemDto {
  readonly code: string;
  readonly message: string;
}

/** GET /api/tickets/:number/clocks for analysts, service owners and admins: every clock with its timeline. */
export interface FullClocksResponse {
  readonly view: 'full';
  readonly number: string;
  readonly computedAt: string;
  readonly clocks: readonly ClockDto[];
  /** Groups the ticket was assigned to that had no approved OLA agreement in force then. */
  readonly groupsWithoutAgreement: readonly string[];
  /** Why clocks could not be computed (for example no holiday data for a year): shown instead of a due time. */
  readonly problems: readonly ClockProblemDto[];
  readonly definitionsUrl: string;
}

/** What the caller of a ticket sees of a customer clock: the target and, while paused, whether it waits for them. */
export interface RequesterClockDto {
  readonly kind: 'response' | 'resolution';
  readonly target: TargetDto;
  readonly dueAt: string | null;
  readonly state: ClockStateDto;
  readonly waitingForYou: boolean;
}

export interface RequesterClocksResponse {
  readonly view: 'requester';
  readonly number: string;
  readonly computedAt: string;
  readonly clocks: readonly RequesterClockDto[];
  readonly problems: readonly ClockProblemDto[];
  readonly definitionsUrl: string;
}

export type TicketClocksResponse = FullClocksResponse | RequesterClocksResponse;

/** The clock that matters now on a list row, computed when the list is read. */
export interface ClockSummaryDto {
  readonly kind: 'response' | 'resolution';
  readonly state: ClockStateDto;
  readonly dueAt: string | null;
  /** Negative once overdue. */
  readonly remainingMs: number;
  readonly percentElapsed: number;
  readonly measure: 'business' | 'elapsed';
}

export interface TicketSlaSummaryDto {
  /** Response until it is given, then resolution; null when the ticket has no SLA clock. */
  readonly current: ClockSummaryDto | null;
  /** On hold waiting for the caller. */
  readonly waitingForCaller: boolean;
  readonly problem: string | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Admin records
// ---------------------------------------------------------------------------------------------------------------

export interface TimeRangeDto {
  readonly start: string;
  readonly end: string;
}

/** ISO weekday ('1' Monday ... '7' Sunday) to working ranges. */
export type WeeklyHoursDto = Readonly<Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', readonly TimeRangeDto[]>>>;

export interface ClosureDayDto {
  readonly date: string;
  readonly title: string;
}

export type HolidaySetKey = 'england-and-wales' | 'scotland' | 'northern-ireland';

export interface CalendarDto {
  readonly key: string;
  readonly name: string;
  readonly timeZone: string;
  readonly weeklyHours: WeeklyHoursDto;
  readonly holidaySet: HolidaySetKey | null;
  /** Years the observed bank holidays are known for; null when the calendar observes none. */
  readonly holidayCoverage: { readonly fromYear: number; readonly toYear: number } | null;
  readonly closureDays: readonly ClosureDayDto[];
  readonly revision: number;
  readonly updatedAt: string;
  readonly updatedByName: string | null;
  readonly etag: string;
}

export interface CalendarRequest {
  readonly name: string;
  readonly timeZone: string;
  readonly weeklyHours: WeeklyHoursDto;
  readonly holidaySet: HolidaySetKey | null;
}

export interface BankHolidaysDto {
  readonly division: HolidaySetKey;
  readonly name: string;
  readonly fromYear: number;
  readonly toYear: number;
  readonly days: readonly ClosureDayDto[];
  /** 'built-in' until an admin loads the gov.uk file. */
  readonly source: 'built-in' | 'gov.uk';
  readonly updatedAt: string | null;
  readonly updatedByName: string | null;
}

export type TargetsDto = Readonly<Record<'1' | '2' | '3' | '4' | '5', { readonly response: TargetDto | null; readonly resolution: TargetDto | null }>>;

/** The body of a new SLA policy version or OLA agreement draft. */
export interface ClockPolicyRequest {
  readonly name: string;
  readonly calendarKey: string;
  readonly effectiveFrom: string;
  readonly effectiveTo?: string | null;
  readonly targets: TargetsDto;
  readonly pausedBy?: { readonly response?: readonly HoldReason[]; readonly resolution?: readonly HoldReason[] } | null;
  readonly warningThresholds?: readonly number[] | null;
  readonly warnOnlyInWorkingHours?: boolean;
  /** SLA policies: the service it is for (null: every service without its own policy). */
  readonly serviceId?: string | null;
  /** OLA agreements: the support group. */
  readonly groupKey?: string;
  readonly note?: string | null;
}

interface ClockPolicyDtoBase {
  readonly key: string;
  readonly version: number;
  readonly name: string;
  readonly calendarKey: string;
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
  readonly targets: TargetsDto;
  readonly pausedBy: { readonly response?: readonly HoldReason[]; readonly resolution?: readonly HoldReason[] } | null;
  readonly warningThresholds: readonly number[];
  readonly warnOnlyInWorkingHours: boolean;
}

export interface SlaPolicyDto extends ClockPolicyDtoBase {
  readonly serviceId: string | null;
  readonly createdAt: string;
  readonly createdByName: string | null;
}

export interface OlaAgreementDto extends ClockPolicyDtoBase {
  readonly groupKey: string;
  readonly status: 'Draft' | 'Approved';
  readonly note: string | null;
  readonly draftedAt: string;
  readonly draftedByName: string | null;
  readonly approvedAt: string | null;
  readonly approvedByName: string | null;
}

export interface SlaSettingsDto {
  readonly autoCloseBusinessDays: number;
  readonly etag: string | null;
}
