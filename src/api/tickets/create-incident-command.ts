import type { CreateIncidentRequest } from '../../contracts/api';
import type { PriorityMatrix } from '../../domain/tickets/priority';
import { createIncident } from '../../domain/tickets/create-incident';
import type { ActorRole, PersonRef } from '../../domain/tickets/types';
import { ConflictError } from '../../data/errors';
import type { Principal } from '../auth/principal';
import { hasRole } from '../auth/principal';
import { ApiError, badRequest, forbidden, fromDomainErrors } from '../http/api-error';
import type { PeopleDirectory } from '../people/people-directory';
import type { ReferenceRepository } from '../reference/reference-repository';
import { KEY_PATTERN } from './commands/command-key';
import type { CommandRunDeps } from './commands/run-command';
import type { StoredTicket, TicketRepository } from './ticket-repository';

export interface CreateIncidentDeps {
  readonly tickets: TicketRepository;
  readonly reference: ReferenceRepository;
  readonly priorityMatrix: () => Promise<PriorityMatrix>;
  readonly clock: () => Date;
  /** Resolves the caller an analyst logs a call for; scripts that only raise for themselves may leave it out. */
  readonly people?: PeopleDirectory;
  /** The support group that takes tickets raised without a service; none means a service is required. */
  readonly triageGroupKey?: string | null;
  /** The SLA engine's due dates, stored with the new ticket for sorting. */
  readonly dueDates?: CommandRunDeps['dueDates'];
}

export function actorRoleOf(principal: Principal): ActorRole {
  if (hasRole(principal, 'Admin')) return 'Admin';
  if (hasRole(principal, 'Analyst')) return 'Analyst';
  return 'Requester';
}

type CreateBody = Partial<CreateIncidentRequest> & Readonly<Record<string, unknown>>;

/** The caller the ticket belongs to: the signed-in person, or (analysts logging a call) a person from the directory. */
async function requesterFor(deps: CreateIncidentDeps, principal: Principal, me: PersonRef, body: CreateBody): Promise<PersonRef> {
  const wanted = body.requesterId;
  if (wanted === undefined || wanted === null || wanted === '' || wanted === principal.id) return me;
  if (actorRoleOf(principal) === 'Requester') throw forbidden('Only analysts and admins may log a call on behalf of another person.');
  if (typeof wanted !== 'string' || wanted.length > 255) throw badRequest('requesterId must be the caller\'s id from the people search.', 'requesterId');
  const person = deps.people ? await deps.people.get(wanted) : null;
  if (!person) throw badRequest(`No one in the directory has the id ${wanted}.`, 'requesterId');
  return { id: person.id, upn: person.upn, name: person.name };
}

/**
 * Raises an incident for the signed-in person, or for a caller an analyst logs it for. The idempotency key makes a
 * retried create return the first ticket instead of making a second one: the store refuses a second item with the
 * same key, and the refusal is answered with the first ticket.
 */
export async function createIncidentCommand(
  deps: CreateIncidentDeps,
  principal: Principal,
  body: CreateBody,
  idempotencyKey: string,
): Promise<{ stored: StoredTicket; created: boolean }> {
  if (!KEY_PATTERN.test(idempotencyKey)) {
    throw badRequest('The Idempotency-Key header must be 8 to 64 letters, digits, - or _.', 'Idempotency-Key');
  }
  const me = { id: principal.id, upn: principal.upn, name: principal.name };
  const requester = await requesterFor(deps, principal, me, body);
  const services = await deps.reference.services();
  const service = body.serviceId ? services.find((s) => s.key === body.serviceId && s.isActive) : undefined;
  if (body.serviceId && !service) throw badRequest(`There is no active service with the key "${body.serviceId}".`, 'serviceId');
  if (typeof body.categoryId === 'string' && body.categoryId && deps.reference.categories) {
    const category = (await deps.reference.categories()).find((c) => c.key === body.categoryId && c.isActive);
    if (!category) throw badRequest(`There is no active category with the key "${body.categoryId}".`, 'categoryId');
  }

  const context = {
    number: `NEW-${idempotencyKey}`,
    now: deps.clock().toISOString(),
    actor: me,
    actorRole: actorRoleOf(principal),
    requester,
    matrix: await deps.priorityMatrix(),
    assignedGroupId: service?.defaultGroupKey ?? null,
  };
  // Field errors first, so a person sees every problem with what they typed before being asked for a service.
  const checked = createIncident(body, context);
  const result = !checked.ok || service ? checked : createIncident(body, { ...context, assignedGroupId: await triageGroup(deps) });
  if (!result.ok) throw fromDomainErrors(result.errors);
  try {
    const derived = deps.dueDates ? await deps.dueDates(result.value, new Date(context.now)) : null;
    return { stored: await deps.tickets.create(result.value, idempotencyKey, derived), created: true };
  } catch (error) {
    // The key is unique on the list, so the create itself finds a retry (or a concurrent request with the same key):
    // no look-up before it, which saves a round trip on every create (docs/decisions/0004). Answer with that ticket.
    if (!(error instanceof ConflictError)) throw error;
    const winner = await deps.tickets.findByIdempotencyKey(idempotencyKey);
    if (!winner) throw error;
    return { stored: replayOf(winner, principal, body), created: false };
  }
}

/** A retried create gets the first ticket back, but only for the same person and the same request. */
function replayOf(existing: StoredTicket, principal: Principal, body: CreateBody): StoredTicket {
  if (existing.ticket.openedBy.id !== principal.id) {
    throw new ApiError(409, 'idempotency_key_reused', 'This Idempotency-Key was already used by someone else: send a new key.');
  }
  const t = existing.ticket;
  const same = (typeof body.title === 'string' ? body.title.trim() : body.title) === t.title && body.impact === t.impact && body.urgency === t.urgency && (body.serviceId ?? null) === t.serviceId;
  if (!same) {
    throw new ApiError(409, 'idempotency_key_reused', `This Idempotency-Key already raised ${t.number} with different details: send a new key for a new ticket.`);
  }
  return existing;
}

/** Where a ticket with no service goes: the configured triage group, which must exist and be active. */
async function triageGroup(deps: CreateIncidentDeps): Promise<string> {
  const key = deps.triageGroupKey;
  const group = key ? (await deps.reference.supportGroups()).find((g) => g.key === key && g.isActive) : undefined;
  if (!group) throw badRequest('Choose the affected service: there is no triage group for tickets without one.', 'serviceId');
  return group.key;
}
