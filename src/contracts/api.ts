// Request and response shapes of the service API, shared by the API and the tab (the only module both import).
import type { AppRole, ContactChannel, Priority, TicketState, TicketType } from '../domain/tickets/types';

export interface ApiErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    /** Field-level problems, so the tab can show each message beside its field. */
    readonly details?: readonly { readonly field?: string; readonly message: string }[];
  };
}

export interface SupportGroupDto {
  readonly key: string;
  readonly name: string;
}

export interface ServiceDto {
  readonly key: string;
  readonly name: string;
  readonly defaultGroupKey: string;
}

export interface MeResponse {
  readonly id: string;
  readonly upn: string;
  readonly name: string;
  readonly roles: readonly AppRole[];
  /** Support groups the person works in (from the token's Entra group ids). */
  readonly supportGroups: readonly SupportGroupDto[];
}

export interface TicketSummaryDto {
  readonly number: string;
  readonly type: TicketType;
  readonly title: string;
  readonly state: TicketState;
  readonly priority: Priority;
  readonly isMajorIncident: boolean;
  readonly serviceId: string | null;
  readonly assignedGroupId: string | null;
  readonly assigneeName: string | null;
  readonly requesterName: string;
  readonly openedAt: string;
  readonly updatedAt: string;
}

export interface QueuePageResponse {
  readonly group: SupportGroupDto;
  readonly items: readonly TicketSummaryDto[];
  /** Opaque; pass back as `cursor` for the next page. Null on the last page. */
  readonly nextCursor: string | null;
}

export interface CreateIncidentRequest {
  readonly title: string;
  readonly description?: string;
  readonly impact: 1 | 2 | 3;
  readonly urgency: 1 | 2 | 3;
  readonly serviceId?: string;
  readonly categoryId?: string;
  readonly contactChannel?: ContactChannel;
}

export interface CreateIncidentResponse {
  readonly ticket: TicketSummaryDto;
}

export interface ReferenceDataResponse {
  readonly supportGroups: readonly SupportGroupDto[];
  readonly services: readonly ServiceDto[];
}

export interface DevUserDto {
  readonly upn: string;
  readonly name: string;
  readonly roles: readonly AppRole[];
  readonly jobTitle: string | null;
}

/** Header carrying a client-chosen key so a retried create never makes a second ticket. */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
