import type { AttachmentDto, PersonDto } from '../../contracts/api';
import type { HistoryEntry } from '../../domain/tickets/types';
import type { TicketDetailAnswer } from '../../contracts/tickets';
import { conversationFor } from '../../domain/tickets/messages';
import type { Actor } from '../access/guard';
import { may } from '../access/guard';
import type { MessageRepository } from '../messages/message-repository';
import { allowedActions } from './allowed-actions';
import type { StoredTicket } from './ticket-repository';
import { toDetailDto, toHistoryDto, toMessageDto } from './to-dto';
import { versionOf } from './version';

/**
 * One ticket as this reader may see it. The caller must have checked 'ticket.read'. Work notes (and their history
 * entries) reach only readers the access table allows: a requester never gets one from this or any other route.
 */
export interface DetailDeps {
  readonly messages: MessageRepository;
  /** The attachments of a ticket, once the attachment slice provides them. */
  readonly attachments?: { list(ticketNumber: string): Promise<readonly AttachmentDto[]> };
  /** The directory, to name people the history mentions by id only. */
  readonly people?: { get(id: string): Promise<PersonDto | null> };
}

/** At most this many directory look-ups per ticket read; a ticket passed between more people names the rest by id. */
const MAX_LOOKUPS = 20;

/**
 * Names for every person an assignee change mentions. The history keeps ids only (a name can change); the actors,
 * requester and current assignee are known from the ticket, the others come from the directory.
 */
async function peopleNamesOf(people: DetailDeps['people'], ticket: StoredTicket['ticket'], history: readonly HistoryEntry[]): Promise<Record<string, string>> {
  const known = new Map<string, string>([[ticket.requester.id, ticket.requester.name]]);
  if (ticket.assignee) known.set(ticket.assignee.id, ticket.assignee.name);
  for (const e of history) known.set(e.by.id, e.by.name);
  const wanted = new Set<string>();
  for (const e of history) {
    for (const c of e.changes) {
      if (c.field !== 'assignee') continue;
      for (const v of [c.from, c.to]) if (typeof v === 'string' && v !== '') wanted.add(v);
    }
  }
  const missing = [...wanted].filter((id) => !known.has(id)).slice(0, MAX_LOOKUPS);
  if (people) {
    const found = await Promise.all(missing.map((id) => people.get(id).catch(() => null)));
    for (const p of found) if (p) known.set(p.id, p.name);
  }
  return Object.fromEntries([...wanted].filter((id) => known.has(id)).map((id) => [id, known.get(id)!]));
}

export async function ticketDetail(deps: DetailDeps, actor: Actor, stored: StoredTicket, now: Date): Promise<TicketDetailAnswer> {
  const ticket = stored.ticket;
  const workNotes = may(actor, 'message.readWorkNotes', ticket);
  const [messages, attachments] = await Promise.all([deps.messages.forTicket(ticket.number), deps.attachments?.list(ticket.number) ?? []]);
  const seen = conversationFor(ticket, messages, { workNotes });
  const peopleNames = await peopleNamesOf(deps.people, ticket, seen.history);
  return {
    ticket: toDetailDto(ticket),
    etag: versionOf(stored),
    history: seen.history.map((e) => toHistoryDto(e, workNotes)),
    messages: seen.messages.map(toMessageDto),
    attachments: [...attachments],
    allowedActions: allowedActions(actor, ticket, now.toISOString()),
    peopleNames,
  };
}
