import { TITLE_COLUMN, defineList } from './schema';

/**
 * Notifications waiting to be sent (the sender is a later issue). Each item is derived from a ticket with a
 * deterministic key, so a job that runs twice writes it once (ARCHITECTURE.md section 4).
 */
export const notificationOutboxList = defineList({
  name: 'Notification Outbox',
  description: 'Notifications for the worker to send, keyed so each is written once. Written only by the service API.',
  columns: [
    TITLE_COLUMN,
    // For breach warnings: warningKey(ticket, clock, percent), for example 'INC-12:sla:resolution:75'.
    { name: 'OutboxKey', type: 'text', required: true, indexed: true, unique: true, maxLength: 255 },
    { name: 'Kind', type: 'choice', required: true, choices: ['BreachWarning'] },
    { name: 'TicketNumber', type: 'text', required: true, indexed: true, maxLength: 48 },
    // The sender reads Pending items: few at any time, so the indexed filter stays under the threshold.
    { name: 'Status', type: 'choice', required: true, indexed: true, choices: ['Pending', 'Sent', 'Failed'] },
    { name: 'CreatedAt', type: 'dateTime', required: true, indexed: true },
    // When the threshold was reached (the warning's moment).
    { name: 'DueAt', type: 'dateTime', required: true },
    { name: 'RecipientId', type: 'text', maxLength: 64 },
    { name: 'RecipientUpn', type: 'text', maxLength: 255 },
    { name: 'RecipientName', type: 'text', maxLength: 255 },
    { name: 'GroupKey', type: 'text', maxLength: 64 },
    { name: 'Payload', type: 'note', required: true, maxLength: 4000 },
    { name: 'SentAt', type: 'dateTime' },
    { name: 'Attempts', type: 'number' },
    { name: 'LastError', type: 'note', maxLength: 2000 },
  ],
});
