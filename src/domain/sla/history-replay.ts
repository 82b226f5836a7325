// Replays a ticket's history into snapshots of the fields the clocks depend on, relying on field changes, not action names.
import { isPriority } from '../tickets/priority';
import { HOLD_REASONS, TICKET_STATES } from '../tickets/types';
import type { ActorRole, HistoryEntry, HoldReason, Priority, Ticket, TicketState } from '../tickets/types';
import { ClockFailure } from './errors';

/** What the clocks need from a ticket; a Ticket satisfies it. */
export type ClockSubject = Pick<Ticket, 'openedAt' | 'history' | 'state' | 'holdReason' | 'priority' | 'serviceId' | 'assignedGroupId' | 'assignee'>;

export interface TicketSnapshot {
  readonly state: TicketState;
  readonly holdReason: HoldReason | null;
  readonly groupId: string | null;
  readonly assigneeId: string | null;
  readonly priority: Priority;
  readonly serviceId: string | null;
}

export interface ReplayStep {
  readonly at: number;
  readonly action: string;
  readonly byRole: ActorRole | undefined;
  readonly before: TicketSnapshot;
  readonly after: TicketSnapshot;
  /** The entry set the assignee to a person (a take, or an assignment straight to someone). */
  readonly assigneeSet: boolean;
}

export interface Replay {
  readonly openedAt: number;
  /** Values before the first entry (the create entry is the first step, at openedAt). */
  readonly initial: TicketSnapshot;
  readonly steps: readonly ReplayStep[];
}

type Mutable = { -readonly [K in keyof TicketSnapshot]: TicketSnapshot[K] | null };

const FIELD_OF: Readonly<Record<string, keyof Mutable>> = {
  state: 'state',
  holdReason: 'holdReason',
  assignedGroupId: 'groupId',
  assignee: 'assigneeId',
  priority: 'priority',
  serviceId: 'serviceId',
};

function invalid(index: number, message: string): ClockFailure {
  return new ClockFailure({ code: 'history_invalid', field: `history[${index}]`, message });
}

function normalise(key: keyof Mutable, value: unknown, index: number): Mutable[keyof Mutable] {
  if (value === null || value === undefined || value === '') return null;
  switch (key) {
    case 'state':
      if (TICKET_STATES.includes(value as TicketState)) return value as TicketState;
      throw invalid(index, `Unknown state ${String(value)}.`);
    case 'holdReason':
      return HOLD_REASONS.includes(value as HoldReason) ? (value as HoldReason) : 'AwaitingOther';
    case 'priority': {
      const n = Number(value);
      if (isPriority(n)) return n;
      throw invalid(index, `Unknown priority ${String(value)}.`);
    }
    default:
      return String(value);
  }
}

function apply(target: Mutable, entry: HistoryEntry, index: number): boolean {
  let assigneeSet = false;
  for (const c of entry.changes) {
    const key = FIELD_OF[c.field];
    if (!key) continue;
    (target as Record<string, unknown>)[key] = normalise(key, c.to, index);
    if (key === 'assigneeId' && c.to !== null && c.to !== '') assigneeSet = true;
  }
  return assigneeSet;
}

/** Values before the first entry: each field's first recorded `from`, else its current value on the ticket. */
function valuesBeforeHistory(subject: ClockSubject, entries: readonly { entry: HistoryEntry; index: number }[]): Mutable {
  const v: Mutable = {
    state: subject.state,
    holdReason: subject.holdReason,
    groupId: subject.assignedGroupId,
    assigneeId: subject.assignee?.id ?? null,
    priority: subject.priority,
    serviceId: subject.serviceId,
  };
  const seen = new Set<string>();
  for (const { entry, index } of entries) {
    for (const c of entry.changes) {
      const key = FIELD_OF[c.field];
      if (!key || seen.has(key)) continue;
      seen.add(key);
      (v as Record<string, unknown>)[key] = normalise(key, c.from, index);
    }
  }
  return v;
}

const freeze = (m: Mutable, fallbackPriority: Priority): TicketSnapshot => ({
  state: m.state ?? 'New',
  holdReason: m.holdReason,
  groupId: m.groupId,
  assigneeId: m.assigneeId,
  priority: m.priority ?? fallbackPriority,
  serviceId: m.serviceId,
});

export function replayHistory(subject: ClockSubject): Replay {
  if (subject.history.length === 0) {
    throw new ClockFailure({ code: 'history_empty', field: 'history', message: 'The ticket has no history, so its clocks cannot be explained.' });
  }
  const entries = subject.history.map((entry, index) => {
    const at = Date.parse(entry.at);
    if (Number.isNaN(at)) throw invalid(index, `"${entry.at}" is not an ISO date-time.`);
    return { entry, index, at };
  });
  entries.sort((a, b) => a.at - b.at); // stable: entries written in the same millisecond keep their order
  const parsedOpen = Date.parse(subject.openedAt);
  // The opened-at column is the clock start; an entry stamped a little earlier counts as written at the start.
  const openedAt = Number.isNaN(parsedOpen) ? entries[0]!.at : parsedOpen;
  // The list keeps date-times to the second and the history to the millisecond, so the opening entry (the create)
  // is usually stamped a fraction of a second after the opened-at column: it too counts as written at the start,
  // or the ticket would be opened without the service (and policy) it was raised with.
  const openingEnds = openedAt + 1000;
  const current = valuesBeforeHistory(subject, entries);
  const initial = freeze(current, subject.priority);
  const steps: ReplayStep[] = [];
  let before = initial;
  for (const [i, { entry, index, at }] of entries.entries()) {
    const assigneeSet = apply(current, entry, index);
    const after = freeze(current, subject.priority);
    const stepAt = i === 0 && at < openingEnds ? openedAt : Math.max(at, openedAt);
    steps.push({ at: stepAt, action: entry.action, byRole: entry.byRole, before, after, assigneeSet });
    before = after;
  }
  return { openedAt, initial, steps };
}
