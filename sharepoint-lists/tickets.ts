import { TITLE_COLUMN, defineList } from './schema';

/**
 * One list holds incidents, service requests and fulfilment tasks (a type and a parent link).
 * Every column a queue filters or sorts on is indexed; IsOpen leads every open-ticket query.
 */
export const ticketsList = defineList({
  name: 'Tickets',
  description: 'Incidents, service requests and fulfilment tasks. Written only by the service API.',
  columns: [
    TITLE_COLUMN,
    { name: 'TicketNumber', type: 'text', required: true, indexed: true, unique: true, maxLength: 48 },
    { name: 'TicketType', type: 'choice', required: true, indexed: true, choices: ['Incident', 'ServiceRequest', 'FulfilmentTask'] },
    { name: 'ParentNumber', type: 'text', indexed: true, maxLength: 48 },
    { name: 'State', type: 'choice', required: true, indexed: true, choices: ['New', 'InProgress', 'OnHold', 'Resolved', 'Closed', 'Cancelled'] },
    { name: 'IsOpen', type: 'boolean', required: true, indexed: true },
    { name: 'OnHoldReason', type: 'choice', choices: ['AwaitingCaller', 'AwaitingSupplier', 'AwaitingChange', 'AwaitingOther', 'AwaitingProblem'] },
    { name: 'Impact', type: 'number', required: true },
    { name: 'Urgency', type: 'number', required: true },
    { name: 'Priority', type: 'number', required: true, indexed: true },
    { name: 'IsMajorIncident', type: 'boolean' },
    { name: 'Description', type: 'note' },
    { name: 'ServiceId', type: 'text', indexed: true, maxLength: 64 },
    { name: 'CategoryId', type: 'text', maxLength: 64 },
    { name: 'AssignedGroupId', type: 'text', indexed: true, maxLength: 64 },
    { name: 'AssigneeId', type: 'text', indexed: true, maxLength: 64 },
    { name: 'AssigneeUpn', type: 'text', maxLength: 255 },
    { name: 'AssigneeName', type: 'text', maxLength: 255 },
    { name: 'RequesterId', type: 'text', required: true, indexed: true, maxLength: 64 },
    { name: 'RequesterUpn', type: 'text', maxLength: 255 },
    { name: 'RequesterName', type: 'text', maxLength: 255 },
    { name: 'OpenedById', type: 'text', required: true, indexed: true, maxLength: 64 },
    { name: 'OpenedByUpn', type: 'text', maxLength: 255 },
    { name: 'OpenedByName', type: 'text', maxLength: 255 },
    { name: 'ContactChannel', type: 'choice', choices: ['Teams', 'Phone', 'Email', 'WalkIn', 'Import'] },
    { name: 'OpenedAt', type: 'dateTime', required: true, indexed: true },
    { name: 'UpdatedAt', type: 'dateTime', required: true },
    { name: 'ResolvedAt', type: 'dateTime', indexed: true },
    { name: 'ClosedAt', type: 'dateTime', indexed: true },
    { name: 'ResponseDueAt', type: 'dateTime' },
    { name: 'ResolutionDueAt', type: 'dateTime', indexed: true },
    // UTC date (YYYY-MM-DD) of the latest of OpenedAt, ResolvedAt and ClosedAt. A date range cannot lead a query on a
    // list past the view threshold; prefixes of this text can (KPI refresh and drill-down, decision 0406).
    { name: 'LastMilestoneDate', type: 'text', indexed: true, maxLength: 10 },
    { name: 'ResolutionCode', type: 'text', maxLength: 64 },
    { name: 'ResolutionNote', type: 'note' },
    // Unique, so two concurrent creates with one key cannot both land (the second is answered with the first).
    { name: 'IdempotencyKey', type: 'text', indexed: true, unique: true, maxLength: 80 },
    { name: 'SourceSystem', type: 'text', maxLength: 64 },
    { name: 'PreviousToolMadeSla', type: 'boolean' },
    // Links, and the caller's confirmation: not indexed, read only with the ticket.
    { name: 'DuplicateOf', type: 'text', maxLength: 48 },
    { name: 'FollowUpOf', type: 'text', maxLength: 48 },
    { name: 'ConfirmedAt', type: 'dateTime' },
    { name: 'SatisfactionRating', type: 'number' },
    { name: 'SatisfactionComment', type: 'note', maxLength: 2000 },
    // JSON; entries only, never bodies (those are in Ticket Messages). Commands stop well before 63,999 characters.
    { name: 'History', type: 'note' },
  ],
});
