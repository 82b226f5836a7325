// The ticket model shared by the API, the adapter's mappers and the tab. Instants are ISO-8601 UTC strings.

export const TICKET_TYPES = ['Incident', 'ServiceRequest', 'FulfilmentTask'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

export const TICKET_STATES = ['New', 'InProgress', 'OnHold', 'Resolved', 'Closed', 'Cancelled'] as const;
export type TicketState = (typeof TICKET_STATES)[number];

// AwaitingProblem: waiting for a known problem's fix (the previous tool's "Awaiting Problem"; decision 0052).
export const HOLD_REASONS = ['AwaitingCaller', 'AwaitingSupplier', 'AwaitingChange', 'AwaitingOther', 'AwaitingProblem'] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

export const CONTACT_CHANNELS = ['Teams', 'Phone', 'Email', 'WalkIn', 'Import'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** App roles as Entra issues them in the `roles` claim. Every signed-in person is a requester. */
export const APP_ROLES = ['Analyst', 'ServiceOwner', 'Admin'] as const;
export type AppRole = (typeof APP_ROLES)[number];

/** Who acts on a ticket, as the rules see them. `System` is the worker. */
export type ActorRole = 'Requester' | 'Analyst' | 'ServiceOwner' | 'Admin' | 'System';

/** A person as stored on a ticket: text columns, never a SharePoint Person column. */
export interface PersonRef {
  /** Entra object id. */
  readonly id: string;
  readonly upn: string;
  readonly name: string;
}

export type Impact = 1 | 2 | 3;
export type Urgency = 1 | 2 | 3;
export type Priority = 1 | 2 | 3 | 4 | 5;

export interface FieldChange {
  readonly field: string;
  readonly from: string | number | boolean | null;
  readonly to: string | number | boolean | null;
}

export interface HistoryEntry {
  readonly at: string;
  readonly by: PersonRef;
  /** The role the person acted in, so clocks can tell an analyst's reply from a requester's. */
  readonly byRole?: ActorRole;
  readonly action: string;
  readonly changes: readonly FieldChange[];
  readonly note?: string;
  /** The Ticket Messages item this entry published (a reply, a work note, or a command's note). Bodies live there. */
  readonly messageKey?: string;
  /** The client's idempotency key for a command without a message, so a retry is recognised. */
  readonly commandKey?: string;
  /** Digest of the request (command and body) that wrote the entry: a reused key with another request is refused. */
  readonly requestDigest?: string;
  /** Another ticket this entry links to (the follow-up raised from a closed ticket). */
  readonly linkedNumber?: string;
}

export const MESSAGE_KINDS = ['Reply', 'WorkNote'] as const;
/** Reply: public, the caller sees it. WorkNote: internal, for analysts, admins and service owners only. */
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export type SatisfactionRating = 1 | 2 | 3 | 4 | 5;

export interface Satisfaction {
  /** Null when the caller confirmed without rating. */
  readonly rating: SatisfactionRating | null;
  readonly comment: string | null;
  readonly at: string;
}

export interface Ticket {
  readonly number: string;
  readonly type: TicketType;
  readonly parentNumber: string | null;
  readonly title: string;
  readonly description: string;
  readonly state: TicketState;
  readonly holdReason: HoldReason | null;
  readonly impact: Impact;
  readonly urgency: Urgency;
  readonly priority: Priority;
  readonly isMajorIncident: boolean;
  readonly serviceId: string | null;
  readonly categoryId: string | null;
  readonly assignedGroupId: string | null;
  readonly assignee: PersonRef | null;
  readonly requester: PersonRef;
  readonly openedBy: PersonRef;
  readonly contactChannel: ContactChannel;
  readonly openedAt: string;
  readonly updatedAt: string;
  readonly resolvedAt: string | null;
  readonly closedAt: string | null;
  readonly resolutionCode: string | null;
  readonly resolutionNote: string | null;
  readonly history: readonly HistoryEntry[];
  /** Set when the ticket was cancelled as a duplicate: the original's number. */
  readonly duplicateOf?: string | null;
  /** Set on a follow-up raised by a reply to a closed ticket: the closed ticket's number. */
  readonly followUpOf?: string | null;
  /** The caller's rating when confirming the resolution (once per ticket). */
  readonly satisfaction?: Satisfaction | null;
}

/** Fields that change through commands and are recorded in history, in display order. */
export const TRACKED_FIELDS = [
  'state',
  'holdReason',
  'impact',
  'urgency',
  'priority',
  'isMajorIncident',
  'assignedGroupId',
  'assignee',
  'serviceId',
  'categoryId',
  'resolutionCode',
  'title',
  'duplicateOf',
] as const satisfies readonly (keyof Ticket)[];
export type TrackedField = (typeof TRACKED_FIELDS)[number];
