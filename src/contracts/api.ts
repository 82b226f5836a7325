// Request and response shapes of the service API, shared by the API and the tab (the only module both import).
import type { AppRole, ContactChannel, Priority, TicketState, TicketType } from '../domain/tickets/types';
import type { TicketSlaSummaryDto } from './sla';

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
  /** Time left or overdue and % elapsed of the clock that matters now, computed when the list is read (issue 6). */
  readonly sla?: TicketSlaSummaryDto | null;
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
  /** An analyst logging a call for someone else: the caller's Entra object id (from GET /api/people). */
  readonly requesterId?: string;
}

export interface CreateIncidentResponse {
  readonly ticket: TicketSummaryDto;
}

export interface ReferenceDataResponse {
  readonly supportGroups: readonly SupportGroupDto[];
  readonly services: readonly ServiceDto[];
  /** Categories to pick when raising; absent until the API serves them. */
  readonly categories?: readonly CategoryDto[];
  /** Impact (rows) x urgency (columns) -> priority in force; absent means the default matrix. */
  readonly priorityMatrix?: readonly (readonly number[])[];
}

export interface DevUserDto {
  readonly upn: string;
  readonly name: string;
  readonly roles: readonly AppRole[];
  readonly jobTitle: string | null;
}

/** Header carrying a client-chosen key so a retried create never makes a second ticket. */
export const IDEMPOTENCY_HEADER = 'idempotency-key';

// ---------------------------------------------------------------------------------------------------------------
// What the tab calls beyond the skeleton (issue 5). Added by the tab; the API may refine the shapes: keep them in step.
// ---------------------------------------------------------------------------------------------------------------

/** Any paged list: pass nextCursor back as `cursor`; null on the last page. */
export interface PageResponse<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

export interface CategoryDto {
  readonly key: string;
  readonly name: string;
  /** The service the category belongs to; null when it applies to every service. */
  readonly serviceKey: string | null;
}

export interface PersonDto {
  readonly id: string;
  readonly upn: string;
  readonly name: string;
  readonly jobTitle: string | null;
  readonly department: string | null;
}

export interface MessageDto {
  readonly key: string;
  readonly kind: 'Reply' | 'WorkNote';
  readonly authorName: string;
  readonly authorRole: string;
  readonly body: string;
  readonly createdAt: string;
}

export interface HistoryEntryDto {
  readonly at: string;
  readonly byName: string;
  readonly byRole?: string;
  readonly action: string;
  readonly changes: readonly { readonly field: string; readonly from: string | number | boolean | null; readonly to: string | number | boolean | null }[];
  readonly note?: string;
  readonly messageKey?: string;
  readonly linkedNumber?: string;
}

export interface AttachmentDto {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  readonly contentType: string;
  readonly uploadedAt: string;
  readonly uploadedByName: string;
  /** Same-origin API path that streams the file to a person allowed to read the ticket. */
  readonly downloadPath: string;
}

export interface TicketDetailDto extends TicketSummaryDto {
  readonly description: string;
  readonly impact: 1 | 2 | 3;
  readonly urgency: 1 | 2 | 3;
  readonly holdReason: string | null;
  readonly categoryId: string | null;
  readonly assigneeId: string | null;
  readonly requesterId: string;
  readonly openedByName: string;
  readonly contactChannel: ContactChannel;
  readonly resolvedAt: string | null;
  readonly closedAt: string | null;
  readonly resolutionCode: string | null;
  readonly resolutionNote: string | null;
  readonly duplicateOf: string | null;
  readonly satisfaction: { readonly rating: number | null; readonly comment: string | null; readonly at: string } | null;
}

/** GET /api/tickets/:number: the ticket as this reader may see it (requesters never get work notes). */
export interface TicketDetailResponse {
  readonly ticket: TicketDetailDto;
  /** Send back as If-Match with a command; a stale one gets 409 with the changes since. */
  readonly etag: string;
  readonly history: readonly HistoryEntryDto[];
  readonly messages: readonly MessageDto[];
  readonly attachments: readonly AttachmentDto[];
  /** Commands this reader may run now (take, assign, handover, priority, major, hold, resume, resolve, confirm, reopen, cancel, reply, worknote). */
  readonly allowedActions: readonly string[];
  /** Names of the people the history's assignee changes name by id (earlier assignees included), from the directory. */
  readonly peopleNames?: Readonly<Record<string, string>>;
}

/** Body of a 409 conflict: what others changed since the reader's version, so the tab can show it and reapply. */
export interface ConflictDetailsBody {
  readonly error: ApiErrorBody['error'] & {
    readonly changes?: readonly { readonly field: string; readonly from: unknown; readonly to: unknown; readonly byName?: string; readonly at?: string; readonly action?: string }[];
  };
}
