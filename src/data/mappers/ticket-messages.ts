// Ticket message <-> Ticket Messages list item. The author is a person stored as text columns.
import { ticketMessagesList } from '../../../sharepoint-lists/ticket-messages';
import type { TicketMessage } from '../../domain/tickets/messages';
import { MESSAGE_KINDS, type ActorRole } from '../../domain/tickets/types';
import type { ListItem } from '../lists/types';
import { FieldReader, writeFields, type FieldValues } from './fields';
import { personFromFields, personToFields } from './people';

const ROLES: readonly ActorRole[] = ['Requester', 'Analyst', 'ServiceOwner', 'Admin', 'System'];

export function ticketMessageToFields(message: TicketMessage): FieldValues {
  return writeFields(
    ticketMessagesList,
    {
      // Title is required on every list; a short label keeps the raw list readable for an administrator.
      Title: `${message.kind === 'Reply' ? 'Reply' : 'Work note'} on ${message.ticketNumber}`,
      TicketNumber: message.ticketNumber,
      MessageKey: message.key,
      Kind: message.kind,
      ...personToFields('Author', message.author),
      AuthorRole: message.authorRole,
      Body: message.body,
      CreatedAt: message.createdAt,
    },
    { partial: false },
  );
}

export function ticketMessageFromItem(item: ListItem): TicketMessage {
  const r = new FieldReader(ticketMessagesList, item.id, item.fields);
  return {
    key: r.text('MessageKey'),
    ticketNumber: r.text('TicketNumber'),
    kind: r.choice('Kind', MESSAGE_KINDS),
    author: personFromFields(r, 'Author'),
    authorRole: r.choice('AuthorRole', ROLES),
    body: r.text('Body'),
    createdAt: r.instant('CreatedAt'),
  };
}
