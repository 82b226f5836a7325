import type { ActorRole, FieldChange, PersonRef, Ticket } from './types';

/** One field another person changed after the version a client read. */
export interface ChangeSince extends FieldChange {
  readonly at: string;
  readonly by: PersonRef;
  readonly byRole?: ActorRole;
  readonly action: string;
}

/**
 * Field changes recorded after the first `seenEntries` history entries, oldest first. Conversation entries
 * (replies, work notes) change no field and are not conflicts.
 */
export function changesSince(ticket: Pick<Ticket, 'history'>, seenEntries: number): ChangeSince[] {
  return ticket.history.slice(seenEntries).flatMap((entry) =>
    entry.changes.map((c) => ({ ...c, at: entry.at, by: entry.by, action: entry.action, ...(entry.byRole ? { byRole: entry.byRole } : {}) })),
  );
}
