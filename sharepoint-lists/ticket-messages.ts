import { TITLE_COLUMN, defineList } from './schema';

/**
 * Replies, work notes and command notes, one item each, so a long conversation never fills the ticket's History
 * column. A message shows only once its ticket's history names its key (docs/decisions/0010).
 */
export const ticketMessagesList = defineList({
  name: 'Ticket Messages',
  description: 'Public replies and internal work notes on tickets. Written only by the service API.',
  columns: [
    TITLE_COLUMN,
    { name: 'TicketNumber', type: 'text', required: true, indexed: true, maxLength: 48 },
    // `${ticketNumber}:${clientKey}`: a retried command finds the message it already wrote.
    { name: 'MessageKey', type: 'text', required: true, indexed: true, unique: true, maxLength: 120 },
    { name: 'Kind', type: 'choice', required: true, choices: ['Reply', 'WorkNote'] },
    { name: 'AuthorId', type: 'text', required: true, maxLength: 64 },
    { name: 'AuthorUpn', type: 'text', maxLength: 255 },
    { name: 'AuthorName', type: 'text', maxLength: 255 },
    { name: 'AuthorRole', type: 'choice', required: true, choices: ['Requester', 'Analyst', 'ServiceOwner', 'Admin', 'System'] },
    { name: 'Body', type: 'note', required: true, maxLength: 20000 },
    { name: 'CreatedAt', type: 'dateTime', required: true, indexed: true },
  ],
});
