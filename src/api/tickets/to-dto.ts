import type { HistoryEntryDto, MessageDto, TicketSummaryDto } from '../../contracts/api';
import type { TicketDetailWithLinks } from '../../contracts/tickets';
import type { TicketMessage } from '../../domain/tickets/messages';
import type { HistoryEntry, Ticket } from '../../domain/tickets/types';

export function toSummaryDto(ticket: Ticket): TicketSummaryDto {
  return {
    number: ticket.number,
    type: ticket.type,
    title: ticket.title,
    state: ticket.state,
    priority: ticket.priority,
    isMajorIncident: ticket.isMajorIncident,
    serviceId: ticket.serviceId,
    assignedGroupId: ticket.assignedGroupId,
    assigneeName: ticket.assignee?.name ?? null,
    requesterName: ticket.requester.name,
    openedAt: ticket.openedAt,
    updatedAt: ticket.updatedAt,
  };
}

export function toDetailDto(ticket: Ticket): TicketDetailWithLinks {
  return {
    ...toSummaryDto(ticket),
    description: ticket.description,
    impact: ticket.impact,
    urgency: ticket.urgency,
    holdReason: ticket.holdReason,
    categoryId: ticket.categoryId,
    assigneeId: ticket.assignee?.id ?? null,
    requesterId: ticket.requester.id,
    openedById: ticket.openedBy.id,
    openedByName: ticket.openedBy.name,
    contactChannel: ticket.contactChannel,
    resolvedAt: ticket.resolvedAt,
    closedAt: ticket.closedAt,
    resolutionCode: ticket.resolutionCode,
    resolutionNote: ticket.resolutionNote,
    duplicateOf: ticket.duplicateOf ?? null,
    followUpOf: ticket.followUpOf ?? null,
    satisfaction: ticket.satisfaction ?? null,
  };
}

/** History as a reader sees it; free-text notes (from imports) only for readers of work notes. */
export function toHistoryDto(entry: HistoryEntry, withNotes: boolean): HistoryEntryDto {
  return {
    at: entry.at,
    byName: entry.by.name,
    ...(entry.byRole ? { byRole: entry.byRole } : {}),
    action: entry.action,
    changes: entry.changes,
    ...(withNotes && entry.note !== undefined ? { note: entry.note } : {}),
    ...(entry.messageKey ? { messageKey: entry.messageKey } : {}),
    ...(entry.linkedNumber ? { linkedNumber: entry.linkedNumber } : {}),
  };
}

export function toMessageDto(message: TicketMessage): MessageDto {
  return { key: message.key, kind: message.kind, authorName: message.author.name, authorRole: message.authorRole, body: message.body, createdAt: message.createdAt };
}
