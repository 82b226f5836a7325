import type { TicketSummaryDto } from '../../contracts/api';
import type { Ticket } from '../../domain/tickets/types';

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
