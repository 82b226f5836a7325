// Public surface of the SLA/OLA clock engine. Definitions for service owners: docs/clock-definitions.md.
export type {
  Clock,
  ClockKind,
  ClockSegment,
  ClockState,
  HoldPauseRules,
  OlaAgreement,
  OlaEnd,
  OlaStint,
  PriorityTargets,
  SegmentKind,
  SlaClocks,
  SlaPolicy,
  TargetChangeMarker,
  TargetSpec,
  TargetsByPriority,
  ThresholdInstant,
  TicketClocks,
} from './types';
export type { ClockError, ClockErrorCode, ClockResult } from './errors';
export { computeTicketClocks, type ClockContext } from './ticket-clocks';
export { replayHistory, type ClockSubject, type Replay, type ReplayStep, type TicketSnapshot } from './history-replay';
export { DEFAULT_WARNING_THRESHOLDS, holdPauses, selectOlaAgreement, selectSlaPolicy, targetFor, validateClockPolicy } from './policy';
export { nextWarning, warningKey, warningsDue, type DueWarning } from './warnings';
export { evaluateClock } from './evaluate-clock';
export { olaStintTracks, slaTracks, type ClockTrack, type EndReason } from './tracks';
