import type { AccessAction, AccessRule, ActorFacts, SignedInAudience, TicketRelations } from '../../domain/access';
import { ACCESS_TABLE, AUDIENCE_LABELS, actorRoleOf, audiencesOf, permittedAs } from '../../domain/access';
import type { ActorRole, PersonRef } from '../../domain/tickets/types';
import type { Principal } from '../auth/principal';
import { hasRole } from '../auth/principal';
import { ApiError } from '../http/api-error';
import type { ReferenceRepository } from '../reference/reference-repository';

/** A signed-in person with what the access table needs to place them. */
export interface Actor {
  readonly principal: Principal;
  readonly person: PersonRef;
  readonly facts: ActorFacts;
}

/** Group keys from the token's Entra groups, and owned services for people holding the ServiceOwner role. */
export async function actorOf(reference: ReferenceRepository, principal: Principal): Promise<Actor> {
  const [groups, services] = await Promise.all([reference.supportGroups(), reference.services()]);
  const entra = new Set(principal.groups.map((g) => g.toLowerCase()));
  return {
    principal,
    person: { id: principal.id, upn: principal.upn, name: principal.name },
    facts: {
      id: principal.id,
      roles: principal.roles,
      groupKeys: groups.filter((g) => g.isActive && entra.has(g.entraGroupId.toLowerCase())).map((g) => g.key),
      ownedServiceKeys: hasRole(principal, 'ServiceOwner') ? services.filter((s) => s.ownerId === principal.id).map((s) => s.key) : [],
    },
  };
}

export interface Permission {
  readonly audience: SignedInAudience;
  /** The role recorded in history for this act. */
  readonly role: ActorRole;
}

function refusal(action: AccessAction): ApiError {
  const rule: AccessRule = ACCESS_TABLE[action];
  if (rule.refusal) return new ApiError(403, 'forbidden', rule.refusal);
  const who = rule.allow.map((a) => AUDIENCE_LABELS[a].replace(/ \(.*\)$/, '')).join(', ');
  return new ApiError(403, 'forbidden', `You may not ${rule.label.replace(/ \(.*\)$/, '')} here: only ${who} may.`);
}

/** The permission the access table gives this actor for the action (on this ticket), or a 403 naming who may. */
export function authorize(actor: Actor, action: AccessAction, ticket?: TicketRelations): Permission {
  const audience = permittedAs(action, audiencesOf(actor.facts, ticket));
  if (!audience) throw refusal(action);
  return { audience, role: actorRoleOf(audience) };
}

/** Like authorize, for checks that narrow what a reader gets rather than refuse the request. */
export function may(actor: Actor, action: AccessAction, ticket?: TicketRelations): boolean {
  return permittedAs(action, audiencesOf(actor.facts, ticket)) !== null;
}
