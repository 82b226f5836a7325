import type { ActorRole, HistoryEntry, MessageKind, PersonRef, Ticket } from './types';

// Replies, work notes and command notes live in the Ticket Messages list, keyed deterministically.
// A message is part of the conversation only once a history entry of its ticket names its key: the ticket item
// is written after the message, so an interrupted command leaves nothing visible.

export const MESSAGE_MAX = 20_000;

export interface TicketMessage {
  readonly key: string;
  readonly ticketNumber: string;
  readonly kind: MessageKind;
  readonly author: PersonRef;
  readonly authorRole: ActorRole;
  readonly body: string;
  readonly createdAt: string;
}

export function messageKeyFor(ticketNumber: string, commandKey: string): string {
  return `${ticketNumber}:${commandKey}`;
}

/** The history entry a command with this key already wrote, if any (a retried command). */
export function entryForCommandKey(ticket: Pick<Ticket, 'number' | 'history'>, commandKey: string): HistoryEntry | undefined {
  const messageKey = messageKeyFor(ticket.number, commandKey);
  return ticket.history.find((e) => e.commandKey === commandKey || e.messageKey === messageKey);
}

export interface Conversation {
  readonly history: readonly HistoryEntry[];
  readonly messages: readonly TicketMessage[];
}

/**
 * What one reader sees of a ticket's history and messages. Without work notes: 'worknote' entries are dropped,
 * and entries whose message is a work note (a hand-over note) lose the key. Unreferenced messages never show.
 */
export function conversationFor(ticket: Pick<Ticket, 'history'>, stored: readonly TicketMessage[], reader: { readonly workNotes: boolean }): Conversation {
  const byKey = new Map(stored.map((m) => [m.key, m]));
  const history: HistoryEntry[] = [];
  const messages: TicketMessage[] = [];
  for (const entry of ticket.history) {
    const message = entry.messageKey ? byKey.get(entry.messageKey) : undefined;
    const internal = entry.action === 'worknote' || message?.kind === 'WorkNote';
    if (internal && !reader.workNotes) {
      if (entry.action === 'worknote') continue;
      const { messageKey: _hidden, ...rest } = entry;
      history.push(rest);
      continue;
    }
    history.push(entry);
    if (message) messages.push(message);
  }
  return { history, messages };
}
