// Walks a replayed history once and derives what the KPIs count: resolutions, closures, reopens, open spans (for the
// backlog), holds, group stints and reassignments. Several entries at one instant count as one change (the last
// decides), as in the clock engine.
import type { Replay, TicketSnapshot } from '../sla/history-replay';
import type { TicketState } from '../tickets/types';
import type { GroupStint, HoldSpan, OpenSpan, Placed } from './types';

export interface Moment {
  readonly at: number;
  readonly before: TicketSnapshot;
  readonly after: TicketSnapshot;
}

export interface Timeline {
  readonly openedAt: number;
  readonly moments: readonly Moment[];
  readonly resolutions: readonly Placed[];
  readonly closures: readonly Placed[];
  readonly cancellations: readonly Placed[];
  readonly reopens: readonly Placed[];
  readonly openSpans: readonly OpenSpan[];
  readonly holds: readonly HoldSpan[];
  readonly stints: readonly GroupStint[];
  /** Instants at which the ticket went to a group other than the last group it had. */
  readonly reassignments: readonly number[];
  readonly firstGroupId: string | null;
}

const isDone = (s: TicketState): boolean => s === 'Resolved' || s === 'Closed';

/** Collapses the replay into one moment per instant, up to asOf. The opening compares against a blank 'New' ticket. */
export function momentsOf(replay: Replay, asOf: number): Moment[] {
  const blank: TicketSnapshot = { ...replay.initial, state: 'New', holdReason: null, groupId: null, assigneeId: null, serviceId: null };
  const out: Moment[] = [{ at: replay.openedAt, before: blank, after: replay.initial }];
  for (const step of replay.steps) {
    if (step.at > asOf) break; // steps are sorted and never before the opening
    const last = out[out.length - 1]!;
    if (step.at === last.at) out[out.length - 1] = { at: last.at, before: last.before, after: step.after };
    else out.push({ at: step.at, before: last.after, after: step.after });
  }
  return out;
}

const place = (at: number, s: TicketSnapshot): Placed => ({ at, groupId: s.groupId, serviceId: s.serviceId });

export function timelineOf(replay: Replay, asOf: number, openStates: readonly TicketState[]): Timeline {
  const moments = momentsOf(replay, asOf);
  const resolutions: Placed[] = [];
  const closures: Placed[] = [];
  const cancellations: Placed[] = [];
  const reopens: Placed[] = [];
  const openSpans: OpenSpan[] = [];
  const holds: HoldSpan[] = [];
  const stints: GroupStint[] = [];
  const reassignments: number[] = [];
  let firstGroupId: string | null = null;
  let lastGroup: string | null = null;
  let span: { from: number; groupId: string | null; serviceId: string | null } | null = null;
  let hold: { from: number; reason: string } | null = null;
  let stint: { groupId: string; from: number; heldMs: number } | null = null;

  for (let i = 0; i < moments.length; i++) {
    const { before: b, after: a, at } = moments[i]!;
    const until = moments[i + 1]?.at ?? asOf;
    if (!isDone(b.state) && isDone(a.state)) resolutions.push(place(at, a));
    if (isDone(b.state) && !isDone(a.state) && a.state !== 'Cancelled') reopens.push(place(at, a));
    if (b.state !== 'Closed' && a.state === 'Closed') closures.push(place(at, a));
    if (b.state !== 'Cancelled' && a.state === 'Cancelled') cancellations.push(place(at, a));

    const open = openStates.includes(a.state);
    if (span && (!open || span.groupId !== a.groupId || span.serviceId !== a.serviceId)) {
      openSpans.push({ ...span, to: at });
      span = null;
    }
    if (open && !span) span = { from: at, groupId: a.groupId, serviceId: a.serviceId };

    const reason = a.state === 'OnHold' ? (a.holdReason ?? 'AwaitingOther') : null;
    if (hold && hold.reason !== reason) {
      holds.push({ ...hold, to: at });
      hold = null;
    }
    if (reason !== null && !hold) hold = { from: at, reason };

    if (stint && stint.groupId !== a.groupId) {
      stints.push({ ...stint, to: at, endedBy: a.groupId === null ? 'unassigned' : 'handover' });
      stint = null;
    }
    if (a.groupId !== null) {
      if (!stint) stint = { groupId: a.groupId, from: at, heldMs: 0 };
      if (lastGroup !== null && lastGroup !== a.groupId) reassignments.push(at);
      lastGroup = a.groupId;
      firstGroupId ??= a.groupId;
      if (open) stint.heldMs += Math.max(0, until - at);
    }
  }
  if (span) openSpans.push({ ...span, to: null });
  if (hold) holds.push({ ...hold, to: null });
  if (stint) stints.push({ ...stint, to: null, endedBy: null });
  return { openedAt: replay.openedAt, moments, resolutions, closures, cancellations, reopens, openSpans, holds, stints, reassignments, firstGroupId };
}

/** The moment in force at instant t (the last one at or before it). */
export function snapshotAt(moments: readonly Moment[], t: number): TicketSnapshot {
  let lo = 0;
  let hi = moments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (moments[mid]!.at <= t) lo = mid;
    else hi = mid - 1;
  }
  return moments[lo]!.after;
}

export const placeAt = (moments: readonly Moment[], t: number): Placed => place(t, snapshotAt(moments, t));

/** Real time on hold within [from, to), with holds still open counted up to asOf. */
export function holdWithin(holds: readonly HoldSpan[], from: number, to: number, asOf: number): number {
  let total = 0;
  for (const h of holds) {
    const s = Math.max(h.from, from);
    const e = Math.min(h.to ?? asOf, to);
    if (e > s) total += e - s;
  }
  return total;
}
