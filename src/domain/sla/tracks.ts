// Turns a replayed history into clock tracks: when each clock ran, was on hold or stopped, its priority over time, and how
// it ended. Tracks know no policy; whether a hold pauses a clock is decided when the track is evaluated.
import type { Priority } from '../tickets/types';
import type { Replay, ReplayStep, TicketSnapshot } from './history-replay';
import type { ClockKind } from './types';

export type RawMode = 'running' | 'held' | 'stopped';

export interface Phase {
  readonly at: number;
  readonly mode: RawMode;
  readonly reason: string;
}

export type EndReason = 'taken' | 'analystReply' | 'resolved' | 'handover' | 'unassigned' | 'cancelled';

export interface ClockTrack {
  readonly kind: ClockKind;
  readonly startAt: number;
  readonly phases: readonly Phase[];
  readonly priorities: readonly { readonly at: number; readonly priority: Priority }[];
  readonly end: { readonly at: number; readonly reason: EndReason } | null;
}

export interface StintTracks {
  readonly groupId: string;
  readonly assignedAt: number;
  readonly response: ClockTrack;
  readonly resolution: ClockTrack;
}

const isDone = (s: TicketSnapshot): boolean => s.state === 'Resolved' || s.state === 'Closed';

function phaseOf(s: TicketSnapshot, action: string): Omit<Phase, 'at'> {
  if (isDone(s)) return { mode: 'stopped', reason: 'Resolved' };
  if (s.state === 'OnHold') return { mode: 'held', reason: s.holdReason ?? 'AwaitingOther' };
  return { mode: 'running', reason: action };
}

class TrackBuilder {
  private readonly phases: Phase[] = [];
  private readonly priorities: { at: number; priority: Priority }[] = [];
  private end: ClockTrack['end'] = null;

  constructor(private readonly kind: ClockKind, private readonly startAt: number, s: TicketSnapshot, action: string) {
    this.observe(startAt, s, action);
  }

  get open(): boolean {
    return this.end === null;
  }

  observe(at: number, s: TicketSnapshot, action: string): void {
    if (!this.open) return;
    if (s.state === 'Cancelled') return this.finish(at, 'cancelled');
    this.addPhase({ at, ...phaseOf(s, action) });
    const lastP = this.priorities[this.priorities.length - 1];
    if (lastP?.at === at) lastP.priority = s.priority;
    else if (lastP?.priority !== s.priority) this.priorities.push({ at, priority: s.priority });
  }

  finish(at: number, reason: EndReason): void {
    if (this.open) this.end = { at, reason };
  }

  build(): ClockTrack {
    return { kind: this.kind, startAt: this.startAt, phases: this.phases, priorities: this.priorities, end: this.end };
  }

  private addPhase(p: Phase): void {
    const last = this.phases[this.phases.length - 1];
    // Several entries in one instant: the last one decides the phase.
    if (last && last.at === p.at) this.phases.pop();
    const prev = this.phases[this.phases.length - 1];
    if (prev && prev.mode === p.mode && (p.mode === 'running' || prev.reason === p.reason)) return;
    this.phases.push(p);
  }
}

const isAnalystReply = (step: ReplayStep): boolean =>
  step.action === 'reply' && (step.byRole === 'Analyst' || step.byRole === 'Admin');

/** SLA clocks: response ends at the first take, analyst public reply or resolution; resolution stops at Resolved. */
export function slaTracks(replay: Replay): { response: ClockTrack; resolution: ClockTrack } {
  const response = new TrackBuilder('response', replay.openedAt, replay.initial, 'create');
  const resolution = new TrackBuilder('resolution', replay.openedAt, replay.initial, 'create');
  for (const step of replay.steps) {
    resolution.observe(step.at, step.after, step.action);
    response.observe(step.at, step.after, step.action);
    if (step.assigneeSet && step.after.groupId !== null) response.finish(step.at, 'taken');
    else if (isAnalystReply(step)) response.finish(step.at, 'analystReply');
    else if (isDone(step.after)) response.finish(step.at, 'resolved');
  }
  return { response: response.build(), resolution: resolution.build() };
}

interface OpenStint {
  readonly groupId: string;
  readonly assignedAt: number;
  readonly response: TrackBuilder;
  readonly resolution: TrackBuilder;
}

/** OLA clocks: one stint per assignment to a group, ended by a hand-over; a person taking it answers the response. */
export function olaStintTracks(replay: Replay): StintTracks[] {
  const done: OpenStint[] = [];
  let current: OpenStint | null = null;
  const open = (groupId: string, at: number, s: TicketSnapshot, action: string): OpenStint => ({
    groupId,
    assignedAt: at,
    response: new TrackBuilder('response', at, s, action),
    resolution: new TrackBuilder('resolution', at, s, action),
  });
  if (replay.initial.groupId !== null) current = open(replay.initial.groupId, replay.openedAt, replay.initial, 'create');
  for (const step of replay.steps) {
    if (step.after.groupId !== step.before.groupId) {
      if (current) {
        const reason: EndReason = step.after.groupId === null ? 'unassigned' : 'handover';
        current.response.finish(step.at, reason);
        current.resolution.finish(step.at, reason);
        done.push(current);
      }
      current = step.after.groupId === null ? null : open(step.after.groupId, step.at, step.after, step.action);
      if (current && step.assigneeSet) current.response.finish(step.at, 'taken');
      continue;
    }
    if (!current) continue;
    current.resolution.observe(step.at, step.after, step.action);
    current.response.observe(step.at, step.after, step.action);
    if (step.assigneeSet) current.response.finish(step.at, 'taken');
    else if (isDone(step.after)) current.response.finish(step.at, 'resolved');
  }
  if (current) done.push(current);
  return done.map((s) => ({ groupId: s.groupId, assignedAt: s.assignedAt, response: s.response.build(), resolution: s.resolution.build() }));
}
