import type { ActorRole, AppRole, Ticket } from '../tickets/types';
import type { AccessAction, SignedInAudience } from './access-table';
import { ACCESS_TABLE } from './access-table';

/** What the API knows of a signed-in person: token claims, plus group keys and owned services from configuration. */
export interface ActorFacts {
  readonly id: string;
  readonly roles: readonly AppRole[];
  /** Support group keys whose Entra group is in the token's groups claim. */
  readonly groupKeys: readonly string[];
  /** Keys of the services this person owns. */
  readonly ownedServiceKeys: readonly string[];
}

export type TicketRelations = Pick<Ticket, 'requester' | 'openedBy' | 'assignedGroupId' | 'serviceId'>;

/**
 * Every audience the person belongs to, strongest first. Without a ticket an analyst counts as both analyst rows,
 * and everyone as requester. A ticket with no group is every analyst's to pick up.
 */
export function audiencesOf(actor: ActorFacts, ticket?: TicketRelations): SignedInAudience[] {
  const out: SignedInAudience[] = [];
  const has = (role: AppRole) => actor.roles.includes(role);
  if (has('Admin')) out.push('admin');
  if (has('Analyst')) {
    if (!ticket) out.push('assignedAnalyst', 'otherAnalyst');
    else if (ticket.assignedGroupId === null || actor.groupKeys.includes(ticket.assignedGroupId)) out.push('assignedAnalyst');
    else out.push('otherAnalyst');
  }
  if (!ticket ? has('ServiceOwner') : ticket.serviceId !== null && actor.ownedServiceKeys.includes(ticket.serviceId)) out.push('serviceOwner');
  if (ticket && (ticket.requester.id === actor.id || ticket.openedBy.id === actor.id)) out.push('caller');
  out.push('requester');
  return out;
}

/** The strongest audience the table allows for the action, or null when none does. */
export function permittedAs(action: AccessAction, audiences: readonly SignedInAudience[]): SignedInAudience | null {
  const allow: readonly string[] = ACCESS_TABLE[action].allow;
  return audiences.find((a) => allow.includes(a)) ?? null;
}

/** The role recorded in history (byRole) for someone acting as this audience. */
export function actorRoleOf(audience: SignedInAudience): ActorRole {
  switch (audience) {
    case 'admin':
      return 'Admin';
    case 'assignedAnalyst':
    case 'otherAnalyst':
      return 'Analyst';
    case 'serviceOwner':
      return 'ServiceOwner';
    default:
      return 'Requester';
  }
}
