import type { DomainError, Result } from '../result';
import { fail, invalid, ok } from '../result';
import { readUserText } from '../text';
import type { PriorityMatrix } from './priority';
import { derivePriority, isImpact, isUrgency } from './priority';
import { withHistory } from './history';
import { incidentStateMachine } from './state-machine';
import type { ActorRole, ContactChannel, PersonRef, Ticket } from './types';
import { CONTACT_CHANNELS } from './types';

export const TITLE_MAX = 255;
export const DESCRIPTION_MAX = 20_000;

export interface CreateIncidentInput {
  readonly title?: unknown;
  readonly description?: unknown;
  readonly impact?: unknown;
  readonly urgency?: unknown;
  readonly serviceId?: unknown;
  readonly categoryId?: unknown;
  readonly contactChannel?: unknown;
}

export interface CreateIncidentContext {
  readonly number: string;
  readonly now: string;
  readonly actor: PersonRef;
  readonly actorRole: ActorRole;
  /** The caller the ticket belongs to: the actor, or the person an analyst logs the call for. */
  readonly requester: PersonRef;
  readonly matrix: PriorityMatrix;
  /** The resolver group the service routes to, looked up by the caller of this function. */
  readonly assignedGroupId: string | null;
}

function optionalId(field: string, value: unknown, errors: DomainError[]): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || value.length > 64) {
    errors.push(invalid(field, `${field} must be an id of at most 64 characters.`));
    return null;
  }
  return value;
}

function channelFor(input: CreateIncidentInput, ctx: CreateIncidentContext, errors: DomainError[]): ContactChannel {
  const onBehalf = ctx.requester.id !== ctx.actor.id;
  if (onBehalf && ctx.actorRole !== 'Analyst' && ctx.actorRole !== 'Admin') {
    errors.push({ code: 'role_not_allowed', field: 'requester', message: 'Only analysts may log a call on behalf of another person.' });
  }
  const channel = input.contactChannel ?? 'Teams';
  if (typeof channel !== 'string' || !(CONTACT_CHANNELS as readonly string[]).includes(channel) || channel === 'Import') {
    errors.push(invalid('contactChannel', 'Contact channel must be one of Teams, Phone, Email or WalkIn.'));
    return 'Teams';
  }
  return channel as ContactChannel;
}

/** Validates a new incident and returns it with its first history entry. Priority is always derived. */
export function createIncident(input: CreateIncidentInput, ctx: CreateIncidentContext): Result<Ticket> {
  const errors: DomainError[] = [];
  const title = readUserText('title', input.title, errors, { required: true, max: TITLE_MAX, label: 'title', shape: 'single-line' }) ?? '';
  const description = readUserText('description', input.description, errors, { required: false, max: DESCRIPTION_MAX, label: 'description', shape: 'multi-line', trim: false }) ?? '';
  if (!isImpact(input.impact)) errors.push(invalid('impact', 'Impact must be 1 (high), 2 (medium) or 3 (low).'));
  if (!isUrgency(input.urgency)) errors.push(invalid('urgency', 'Urgency must be 1 (high), 2 (medium) or 3 (low).'));
  const serviceId = optionalId('serviceId', input.serviceId, errors);
  const categoryId = optionalId('categoryId', input.categoryId, errors);
  const contactChannel = channelFor(input, ctx, errors);
  if (errors.length > 0 || !isImpact(input.impact) || !isUrgency(input.urgency)) return fail(...errors);

  const ticket = withHistory(
    null,
    {
      number: ctx.number,
      type: 'Incident',
      parentNumber: null,
      title,
      description,
      state: incidentStateMachine.initial,
      holdReason: null,
      impact: input.impact,
      urgency: input.urgency,
      priority: derivePriority(ctx.matrix, input.impact, input.urgency),
      isMajorIncident: false,
      serviceId,
      categoryId,
      assignedGroupId: ctx.assignedGroupId,
      assignee: null,
      requester: ctx.requester,
      openedBy: ctx.actor,
      contactChannel,
      openedAt: ctx.now,
      updatedAt: ctx.now,
      resolvedAt: null,
      closedAt: null,
      resolutionCode: null,
      resolutionNote: null,
    },
    { at: ctx.now, by: ctx.actor, byRole: ctx.actorRole, action: 'create' },
  );
  return ok(ticket);
}
