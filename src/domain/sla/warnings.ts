// Breach warnings as a pure function: which thresholds are due at an instant, and when the next one fires.
// The worker sends each (ticket, clock, threshold) once; these functions only say what is due.
import type { Clock, ThresholdInstant } from './types';

export interface DueWarning extends ThresholdInstant {
  readonly firesAt: number;
}

/** Warnings apply only to clocks still open (running, paused or breached, not completed or cancelled). */
const isOpen = (clock: Clock): boolean => clock.completedAt === null && clock.state !== 'cancelled';

/** Thresholds the clock has reached by `now`, in threshold order. */
export function warningsDue(clock: Clock, now: number): DueWarning[] {
  if (!isOpen(clock)) return [];
  return clock.thresholds.filter((t): t is DueWarning => t.firesAt !== null && t.firesAt <= now);
}

/** The next threshold still to fire after `now`, for scheduling; null when none is known (paused, or all fired). */
export function nextWarning(clock: Clock, now: number): DueWarning | null {
  if (!isOpen(clock)) return null;
  let next: DueWarning | null = null;
  for (const t of clock.thresholds) {
    if (t.firesAt !== null && t.firesAt > now && (next === null || t.firesAt < next.firesAt)) next = t as DueWarning;
  }
  return next;
}

/** A stable key for idempotent sending, for example 'INC-1:sla:resolution:75' or 'INC-1:ola:G2@1700000000000:response:50'. */
export function warningKey(ticketNumber: string, clockId: string, percent: number): string {
  return `${ticketNumber}:${clockId}:${percent}`;
}
