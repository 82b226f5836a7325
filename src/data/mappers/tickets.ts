// Ticket <-> Tickets list item. Column names and types come from sharepoint-lists/tickets.ts; every value is
// checked through the schema, so a bad stored value names the list, item and column instead of breaking a page.
import { ticketsList } from '../../../sharepoint-lists/tickets';
import { isOpenState, stateMachines } from '../../domain/tickets/state-machine';
import {
  CONTACT_CHANNELS,
  HOLD_REASONS,
  TICKET_STATES,
  TICKET_TYPES,
  type Impact,
  type Priority,
  type SatisfactionRating,
  type Ticket,
  type Urgency,
} from '../../domain/tickets/types';
import type { ListItem } from '../lists/types';
import { FieldReader, writeFields, type FieldValues } from './fields';
import { historyToJson, parseHistory } from './history';
import { optionalPersonFromFields, personFromFields, personToFields } from './people';

/** Columns the list keeps beside the domain ticket: derived due dates and import/idempotency bookkeeping. */
export interface TicketStorageExtras {
  readonly idempotencyKey: string | null;
  readonly responseDueAt: string | null;
  readonly resolutionDueAt: string | null;
  readonly sourceSystem: string | null;
  readonly previousToolMadeSla: boolean | null;
}

/** A ticket as stored: the item id and ETag travel with it so every update is conditional. */
export interface StoredTicketRecord {
  readonly itemId: string;
  readonly etag: string;
  readonly ticket: Ticket;
  readonly extras: TicketStorageExtras;
}

/** Whether a ticket counts as open for queues (the indexed IsOpen column), from its type's state machine. */
export function ticketIsOpen(ticket: Pick<Ticket, 'type' | 'state'>): boolean {
  return isOpenState(stateMachines[ticket.type], ticket.state);
}

/** The UTC date of the ticket's latest opening, resolution or closure: a text a query can lead with by prefix. */
export function lastMilestoneDate(ticket: Pick<Ticket, 'openedAt' | 'resolvedAt' | 'closedAt'>): string {
  const latest = [ticket.openedAt, ticket.resolvedAt, ticket.closedAt].reduce<number>((max, t) => (t ? Math.max(max, Date.parse(t)) : max), Number.NEGATIVE_INFINITY);
  return new Date(latest).toISOString().slice(0, 10);
}

/**
 * All of a ticket's columns, checked against the schema. Extras are written only when given, so an update that
 * does not mention them leaves them as they are.
 */
export function ticketToFields(ticket: Ticket, extras: Partial<TicketStorageExtras> = {}, itemId?: string): FieldValues {
  const values: FieldValues = {
    Title: ticket.title,
    TicketNumber: ticket.number,
    TicketType: ticket.type,
    ParentNumber: ticket.parentNumber,
    State: ticket.state,
    IsOpen: ticketIsOpen(ticket),
    OnHoldReason: ticket.holdReason,
    Impact: ticket.impact,
    Urgency: ticket.urgency,
    Priority: ticket.priority,
    IsMajorIncident: ticket.isMajorIncident,
    Description: ticket.description,
    ServiceId: ticket.serviceId,
    CategoryId: ticket.categoryId,
    AssignedGroupId: ticket.assignedGroupId,
    ...personToFields('Assignee', ticket.assignee),
    ...personToFields('Requester', ticket.requester),
    ...personToFields('OpenedBy', ticket.openedBy),
    ContactChannel: ticket.contactChannel,
    OpenedAt: ticket.openedAt,
    UpdatedAt: ticket.updatedAt,
    ResolvedAt: ticket.resolvedAt,
    ClosedAt: ticket.closedAt,
    LastMilestoneDate: lastMilestoneDate(ticket),
    ResolutionCode: ticket.resolutionCode,
    ResolutionNote: ticket.resolutionNote,
    DuplicateOf: ticket.duplicateOf ?? null,
    FollowUpOf: ticket.followUpOf ?? null,
    ConfirmedAt: ticket.satisfaction?.at ?? null,
    SatisfactionRating: ticket.satisfaction?.rating ?? null,
    SatisfactionComment: ticket.satisfaction?.comment ?? null,
    History: historyToJson(ticket.history),
  };
  if (extras.idempotencyKey !== undefined) values['IdempotencyKey'] = extras.idempotencyKey;
  if (extras.responseDueAt !== undefined) values['ResponseDueAt'] = extras.responseDueAt;
  if (extras.resolutionDueAt !== undefined) values['ResolutionDueAt'] = extras.resolutionDueAt;
  if (extras.sourceSystem !== undefined) values['SourceSystem'] = extras.sourceSystem;
  if (extras.previousToolMadeSla !== undefined) values['PreviousToolMadeSla'] = extras.previousToolMadeSla;
  return writeFields(ticketsList, values, { partial: false, ...(itemId === undefined ? {} : { itemId }) });
}

export function ticketFromItem(item: ListItem): StoredTicketRecord {
  const r = new FieldReader(ticketsList, item.id, item.fields);
  const ticket: Ticket = {
    number: r.text('TicketNumber'),
    type: r.choice('TicketType', TICKET_TYPES),
    parentNumber: r.optionalText('ParentNumber'),
    title: r.text('Title'),
    description: r.optionalText('Description') ?? '',
    state: r.choice('State', TICKET_STATES),
    holdReason: r.optionalChoice('OnHoldReason', HOLD_REASONS),
    impact: r.integerIn<Impact>('Impact', 1, 3),
    urgency: r.integerIn<Urgency>('Urgency', 1, 3),
    priority: r.integerIn<Priority>('Priority', 1, 5),
    isMajorIncident: r.boolean('IsMajorIncident'),
    serviceId: r.optionalText('ServiceId'),
    categoryId: r.optionalText('CategoryId'),
    assignedGroupId: r.optionalText('AssignedGroupId'),
    assignee: optionalPersonFromFields(r, 'Assignee'),
    requester: personFromFields(r, 'Requester'),
    openedBy: personFromFields(r, 'OpenedBy'),
    // The column is optional in the schema; items written before it was set came in through the tab.
    contactChannel: r.optionalChoice('ContactChannel', CONTACT_CHANNELS) ?? 'Teams',
    openedAt: r.instant('OpenedAt'),
    updatedAt: r.instant('UpdatedAt'),
    resolvedAt: r.optionalInstant('ResolvedAt'),
    closedAt: r.optionalInstant('ClosedAt'),
    resolutionCode: r.optionalText('ResolutionCode'),
    resolutionNote: r.optionalText('ResolutionNote'),
    history: r.json('History', [], parseHistory),
    ...optionalTicketFields(r),
  };
  const extras: TicketStorageExtras = {
    idempotencyKey: r.optionalText('IdempotencyKey'),
    responseDueAt: r.optionalInstant('ResponseDueAt'),
    resolutionDueAt: r.optionalInstant('ResolutionDueAt'),
    sourceSystem: r.optionalText('SourceSystem'),
    previousToolMadeSla: r.optionalBoolean('PreviousToolMadeSla'),
  };
  return { itemId: item.id, etag: item.etag, ticket, extras };
}


/** Links and the caller's confirmation, present on the ticket only when set (older items have no such columns). */
function optionalTicketFields(r: FieldReader): Pick<Ticket, 'duplicateOf' | 'followUpOf' | 'satisfaction'> {
  const duplicateOf = r.optionalText('DuplicateOf');
  const followUpOf = r.optionalText('FollowUpOf');
  const confirmedAt = r.optionalInstant('ConfirmedAt');
  const rating = r.optionalNumber('SatisfactionRating');
  return {
    ...(duplicateOf ? { duplicateOf } : {}),
    ...(followUpOf ? { followUpOf } : {}),
    ...(confirmedAt
      ? { satisfaction: { rating: rating === null ? null : r.integerIn<SatisfactionRating>('SatisfactionRating', 1, 5), comment: r.optionalText('SatisfactionComment'), at: confirmedAt } }
      : {}),
  };
}
