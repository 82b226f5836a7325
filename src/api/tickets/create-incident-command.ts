import type { CreateIncidentRequest } from '../../contracts/api';
import type { PriorityMatrix } from '../../domain/tickets/priority';
import { createIncident } from '../../domain/tickets/create-incident';
import type { ActorRole } from '../../domain/tickets/types';
import type { Principal } from '../auth/principal';
import { hasRole } from '../auth/principal';
import { ApiError, badRequest, fromDomainErrors } from '../http/api-error';
import type { ReferenceRepository } from '../reference/reference-repository';
import type { StoredTicket, TicketRepository } from './ticket-repository';

export interface CreateIncidentDeps {
  readonly tickets: TicketRepository;
  readonly reference: ReferenceRepository;
  readonly priorityMatrix: () => Promise<PriorityMatrix>;
  readonly clock: () => Date;
}

export function actorRoleOf(principal: Principal): ActorRole {
  if (hasRole(principal, 'Admin')) return 'Admin';
  if (hasRole(principal, 'Analyst')) return 'Analyst';
  return 'Requester';
}

const KEY_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * Raises an incident for the signed-in person. The idempotency key makes a retried create return the first ticket
 * instead of making a second one.
 */
export async function createIncidentCommand(
  deps: CreateIncidentDeps,
  principal: Principal,
  body: Partial<CreateIncidentRequest>,
  idempotencyKey: string,
): Promise<{ stored: StoredTicket; created: boolean }> {
  if (!KEY_PATTERN.test(idempotencyKey)) {
    throw badRequest('The Idempotency-Key header must be 8 to 64 letters, digits, - or _.', 'Idempotency-Key');
  }
  const existing = await deps.tickets.findByIdempotencyKey(idempotencyKey);
  if (existing) {
    if (existing.ticket.openedBy.id !== principal.id) {
      throw new ApiError(409, 'idempotency_key_reused', 'This Idempotency-Key was already used by someone else: send a new key.');
    }
    return { stored: existing, created: false };
  }

  const services = await deps.reference.services();
  const service = body.serviceId ? services.find((s) => s.key === body.serviceId && s.isActive) : undefined;
  if (body.serviceId && !service) throw badRequest(`There is no active service with the key "${body.serviceId}".`, 'serviceId');

  const me = { id: principal.id, upn: principal.upn, name: principal.name };
  const result = createIncident(body, {
    number: `NEW-${idempotencyKey}`,
    now: deps.clock().toISOString(),
    actor: me,
    actorRole: actorRoleOf(principal),
    requester: me,
    matrix: await deps.priorityMatrix(),
    assignedGroupId: service?.defaultGroupKey ?? null,
  });
  if (!result.ok) throw fromDomainErrors(result.errors);
  return { stored: await deps.tickets.create(result.value, idempotencyKey), created: true };
}
