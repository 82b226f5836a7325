import type { AttachmentDto } from '../../contracts/api';
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
}

export async function ticketDetail(deps: DetailDeps, actor: Actor, stored: StoredTicket, now: Date): Promise<TicketDetailAnswer> {
  const ticket = stored.ticket;
  const workNotes = may(actor, 'message.readWorkNotes', ticket);
  const [messages, attachments] = await Promise.all([deps.messages.forTicket(ticket.number), deps.attachments?.list(ticket.number) ?? []]);
  const seen = conversationFor(ticket, messages, { workNotes });
  return {
    ticket: toDetailDto(ticket),
    etag: versionOf(stored),
    history: seen.history.map((e) => toHistoryDto(e, workNotes)),
    messages: seen.messages.map(toMessageDto),
    attachments: [...attachments],
    allowedActions: allowedActions(actor, ticket, now.toISOString()),
  };
}
