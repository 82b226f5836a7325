import type { FieldChange, HistoryEntry, PersonRef, Ticket, TrackedField } from './types';
import { TRACKED_FIELDS } from './types';

// Every change to a ticket appends one entry to the ticket's own history: who, when, what changed, from, to.

type Scalar = string | number | boolean | null;

function toScalar(field: TrackedField, value: Ticket[TrackedField]): Scalar {
  if (field === 'assignee') {
    const person = value as PersonRef | null;
    return person ? person.id : null;
  }
  // Optional fields read as undefined on tickets written before they existed; undefined and null mean the same.
  return (value ?? null) as Scalar;
}

/** The tracked fields that differ between two versions of a ticket, in a stable order. */
export function diffTickets(before: Ticket | null, after: Ticket): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of TRACKED_FIELDS) {
    const from = before ? toScalar(field, before[field]) : null;
    const to = toScalar(field, after[field]);
    if (from !== to) changes.push({ field, from, to });
  }
  return changes;
}

export interface HistoryContext {
  readonly at: string;
  readonly by: PersonRef;
  readonly byRole?: HistoryEntry['byRole'];
  readonly action: string;
  readonly note?: string;
  readonly messageKey?: string;
  readonly commandKey?: string;
  readonly linkedNumber?: string;
}

/** Returns the next version of the ticket with one history entry describing the change from `before`. */
export function withHistory(before: Ticket | null, after: Omit<Ticket, 'history'>, ctx: HistoryContext): Ticket {
  const draft: Ticket = { ...after, history: before?.history ?? [] };
  const entry: HistoryEntry = {
    at: ctx.at,
    by: ctx.by,
    action: ctx.action,
    changes: diffTickets(before, draft),
    ...(ctx.byRole ? { byRole: ctx.byRole } : {}),
    ...(ctx.note !== undefined ? { note: ctx.note } : {}),
    ...(ctx.messageKey !== undefined ? { messageKey: ctx.messageKey } : {}),
    ...(ctx.commandKey !== undefined ? { commandKey: ctx.commandKey } : {}),
    ...(ctx.linkedNumber !== undefined ? { linkedNumber: ctx.linkedNumber } : {}),
  };
  return { ...draft, updatedAt: ctx.at, history: [...draft.history, entry] };
}
