// Evaluates one clock track against its policy, calendar and `now`: segments, elapsed and paused time, due, state.
import type { HoldReason } from '../tickets/types';
import { nextWorkingInstantStrict } from '../calendar/business-time';
import type { BusinessCalendar } from '../calendar/compile';
import { measureFor, targetAmountMs, type Measure } from './measure';
import { holdPauses, targetFor, thresholdsOf } from './policy';
import type { ClockTrack, Phase } from './tracks';
import type { Clock, ClockSegment, ClockState, OlaAgreement, SegmentKind, SlaPolicy, TargetChangeMarker } from './types';

interface EffectivePhase {
  readonly at: number;
  readonly kind: SegmentKind;
  readonly reason: string;
}

/** Applies the policy's pause rules: a hold either pauses the clock or leaves it running. Merges equal neighbours. */
function effectivePhases(phases: readonly Phase[], policy: SlaPolicy | OlaAgreement, track: ClockTrack, horizon: number, ended: boolean): EffectivePhase[] {
  const out: EffectivePhase[] = [];
  for (const p of phases) {
    // At an explicit end the end decides; at `now` a change made at that very instant already applies.
    if ((p.at > horizon || (ended && p.at === horizon)) && out.length > 0) break;
    let e: EffectivePhase;
    if (p.mode === 'held') {
      e = holdPauses(policy, track.kind, p.reason as HoldReason) ? { at: p.at, kind: 'paused', reason: p.reason } : { at: p.at, kind: 'running', reason: `hold:${p.reason}` };
    } else {
      e = { at: p.at, kind: p.mode, reason: p.reason };
    }
    const prev = out[out.length - 1];
    if (prev && prev.kind === e.kind && (e.kind === 'running' || prev.reason === e.reason)) continue;
    out.push(e);
  }
  return out;
}

function segmentsOf(phases: readonly EffectivePhase[], horizon: number, measure: Measure): ClockSegment[] {
  return phases
    .map((p, i) => ({ from: p.at, to: Math.min(phases[i + 1]?.at ?? horizon, horizon), kind: p.kind, reason: p.reason }))
    .filter((s) => s.to > s.from)
    .map((s) => ({ ...s, measuredMs: measure.between(s.from, s.to) }));
}

/** The earliest instant at which the running segments add up to `amount`, or null if they never do. */
function reach(segments: readonly ClockSegment[], measure: Measure, startAt: number, amount: number): number | null {
  if (amount <= 0) return startAt;
  let acc = 0;
  for (const s of segments) {
    if (s.kind !== 'running') continue;
    if (acc + s.measuredMs >= amount) return measure.settle(measure.add(s.from, amount - acc));
    acc += s.measuredMs;
  }
  return null;
}

export interface EvaluateInput {
  readonly track: ClockTrack;
  readonly policy: SlaPolicy | OlaAgreement;
  readonly calendar: BusinessCalendar;
  readonly now: number;
}

export function evaluateClock({ track, policy, calendar, now }: EvaluateInput): Clock | null {
  if (track.startAt > now) return null;
  const endAt = track.end && track.end.at <= now ? track.end.at : null;
  const horizon = endAt ?? now;
  const phases = effectivePhases(track.phases, policy, track, horizon, endAt !== null);
  const last = phases[phases.length - 1]!;
  const stoppedAt = last.kind === 'stopped' ? last.at : null;
  const cancelled = endAt !== null && track.end!.reason === 'cancelled' && stoppedAt === null;
  const completedAt = cancelled ? null : (stoppedAt ?? endAt);
  const completedBy = completedAt === null ? null : stoppedAt !== null ? 'resolved' : track.end!.reason;
  // Priority changes after the clock stopped do not move its target.
  const priorities = track.priorities.filter((p, i) => i === 0 || p.at <= (completedAt ?? horizon));
  const first = priorities[0]!;
  const firstTarget = targetFor(policy, track.kind, first.priority);
  if (!firstTarget) return null;
  const markers: TargetChangeMarker[] = [];
  let target = firstTarget;
  let priority = first.priority;
  for (const p of priorities.slice(1)) {
    const next = targetFor(policy, track.kind, p.priority) ?? target;
    markers.push({ at: p.at, kind: 'targetChanged', fromPriority: priority, toPriority: p.priority, target: next, targetMs: targetAmountMs(next, calendar, track.startAt) });
    target = next;
    priority = p.priority;
  }
  const measure = measureFor(target, calendar);
  const targetMs = targetAmountMs(target, calendar, track.startAt);
  const segments = segmentsOf(phases, horizon, measure);
  const sum = (kind: SegmentKind): number => segments.reduce((t, s) => (s.kind === kind ? t + s.measuredMs : t), 0);
  const elapsedMs = sum('running');
  const live = completedAt === null && !cancelled;
  const counting = live && last.kind === 'running';
  // Not reached yet: project from now while running, or from the stop (what the due time was when it stopped).
  const project = (amount: number): number | null => {
    const reached = reach(segments, measure, track.startAt, amount);
    if (reached !== null) return reached;
    if (counting) return measure.settle(measure.add(now, amount - elapsedMs));
    return completedAt !== null ? measure.settle(measure.add(completedAt, amount - elapsedMs)) : null;
  };
  const reachedAt = reach(segments, measure, track.startAt, targetMs);
  const dueAt = project(targetMs);
  const judgedAt = completedAt ?? horizon;
  const breachedAt = reachedAt !== null && reachedAt < judgedAt ? reachedAt : null;
  let state: ClockState;
  if (cancelled) state = 'cancelled';
  else if (breachedAt !== null) state = 'breached';
  else if (completedAt !== null) state = 'met';
  else state = counting ? 'running' : 'paused';
  const quietHours = measure.kind === 'elapsed' && policy.warnOnlyInWorkingHours === true;
  const thresholds = thresholdsOf(policy).map((percent) => {
    const amount = Math.round((targetMs * percent) / 100);
    let firesAt = live ? project(amount) : reach(segments, measure, track.startAt, amount);
    if (firesAt !== null && quietHours) firesAt = nextWorkingInstantStrict(calendar, firesAt);
    return { percent, firesAt };
  });
  return {
    kind: track.kind,
    calendarId: calendar.id,
    measure: measure.kind,
    startedAt: track.startAt,
    priority,
    target,
    targetMs,
    dueAt,
    completedAt,
    completedBy,
    breachedAt,
    elapsedMs,
    pausedMs: sum('paused'),
    remainingMs: targetMs - elapsedMs,
    percentElapsed: targetMs > 0 ? (elapsedMs / targetMs) * 100 : 100,
    state,
    counting,
    segments,
    markers,
    thresholds,
  };
}
