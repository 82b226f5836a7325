// The export's quirks, counted by reason for the summary. Reasons are sentences; tests and docs use these constants.
import type { QuirkCounts } from './types';

export const QUIRK = {
  badRow: 'bad row left out (see the report)',
  outOfOrder: 'incident rows out of order in the file (sorted by sys_mod_count, then line)',
  duplicateModCount: 'several rows with the same sys_mod_count (kept in file order)',
  firstNotCreation: 'first row is not the creation (sys_mod_count above 0)',
  timeBeforePrevious: 'event time before the event before it (moved to that time)',
  timeBeforeOpened: 'event time before opened_at (moved to opened_at)',
  dstGap: 'local time in the spring DST gap (moved forward by the gap)',
  dstOverlap: 'local time in the autumn DST overlap (first occurrence taken)',
  repeatedClosed: 'Closed row after the incident was already Closed (closure kept from the first)',
  reopenedAfterClosed: 'reopened after Closed',
  closedUnresolved: 'closed without being Resolved first',
  resolvedAtDiffers: 'resolved_at differs from when the state became Resolved (the state change is kept)',
  closedAtDiffers: 'closed_at differs from when the state became Closed (the state change is kept)',
  callerChanged: 'caller changed during the incident (the first caller kept)',
  noCaller: 'no caller on any row (an "Unknown caller" person stands in)',
  noTrackedChange: 'row changed nothing the product tracks (no history entry)',
  afterCutoff: 'event after the cut-off left out',
  openedAfterCutoff: 'incident opened after the cut-off left out',
  historyTooLong: 'incident history too long for the list column (incident left out)',
  unknownChannel: 'contact type without a channel here (recorded as Import)',
} as const;

export const unknownStateQuirk = (state: string): string => `unknown state "${state}" (the previous state kept)`;

export function countQuirk(counts: QuirkCounts, reason: string, by = 1): void {
  if (by > 0) counts.set(reason, (counts.get(reason) ?? 0) + by);
}

export function mergeQuirks(into: QuirkCounts, from: QuirkCounts): void {
  for (const [reason, n] of from) countQuirk(into, reason, n);
}

/** Largest count first, then by reason, for a stable summary. */
export function sortedQuirks(counts: QuirkCounts): [string, number][] {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}
