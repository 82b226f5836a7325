// Ticket shapes the API adds to those in api.ts: links, and the conflict answer. Shared by the API and the tab.
import type { TicketDetailDto, TicketDetailResponse } from './api';

export interface TicketDetailWithLinks extends TicketDetailDto {
  /** The closed ticket this follow-up was raised from. */
  readonly followUpOf: string | null;
  readonly openedById: string;
}

export interface TicketDetailAnswer extends TicketDetailResponse {
  readonly ticket: TicketDetailWithLinks;
}

/** One field changed after the version a client read (in a 409 answer with code 'conflict'). */
export interface ConflictChangeDto {
  readonly field: string;
  readonly from: string | number | boolean | null;
  readonly to: string | number | boolean | null;
  readonly byId: string;
  readonly byName: string;
  readonly byRole: string | null;
  readonly at: string;
  readonly action: string;
}

/** A 409 conflict: error.changes says who changed what since; error.etag is the version to reapply against. */
export interface ConflictAnswer {
  readonly error: { readonly code: 'conflict'; readonly message: string; readonly etag: string; readonly changes: readonly ConflictChangeDto[] };
}

/** POST /api/tickets/:number/reply on a Closed ticket answers 201 with the follow-up it raised. */
export interface FollowUpAnswer extends TicketDetailAnswer {
  readonly followUpOf: string;
}
