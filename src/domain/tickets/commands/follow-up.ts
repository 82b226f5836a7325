import type { DomainError, Result } from '../../result';
import { fail, ok } from '../../result';
import { TITLE_MAX } from '../create-incident';
import { withHistory } from '../history';
import type { PriorityMatrix } from '../priority';
import { derivePriority } from '../priority';
import { incidentStateMachine } from '../state-machine';
import type { ActorRole, Ticket } from '../types';
import type { CommandContext, CommandOutcome } from './context';
import { commit, roleError } from './context';
import { readBody } from './reply';

const REPLIERS: readonly ActorRole[] = ['Requester', 'Analyst', 'Admin'];

export interface FollowUpContext extends CommandContext {
  /** The provisional number the new ticket is created with (it gets its real number from its item id). */
  readonly number: string;
  readonly matrix: PriorityMatrix;
}

function followUpTitle(closed: Ticket): string {
  const title = `Follow-up to ${closed.number}: ${closed.title}`;
  if (title.length <= TITLE_MAX) return title;
  // Cut on a code point boundary so an emoji is never split in half.
  let cut = '';
  for (const ch of title) {
    if (cut.length + ch.length > TITLE_MAX - 1) break;
    cut += ch;
  }
  return `${cut}…`;
}

/**
 * A reply to a Closed ticket raises a new ticket linked to it: same caller, service, category, group, impact and
 * urgency (priority from today's matrix), with the reply as its description.
 */
export function createFollowUp(closed: Ticket, input: { readonly body?: unknown }, ctx: FollowUpContext): Result<Ticket> {
  const errors: DomainError[] = [];
  const body = readBody(input.body, errors, 'reply');
  const role = roleError(ctx, REPLIERS, 'reply');
  if (role) errors.unshift(role);
  if (closed.state !== 'Closed') errors.push({ code: 'transition_not_allowed', field: 'state', message: `${closed.number} is not closed: reply to it directly.` });
  if (errors.length > 0) return fail(...errors);
  const ticket = withHistory(
    null,
    {
      number: ctx.number,
      type: closed.type,
      parentNumber: null,
      title: followUpTitle(closed),
      description: body ?? '',
      state: incidentStateMachine.initial,
      holdReason: null,
      impact: closed.impact,
      urgency: closed.urgency,
      priority: derivePriority(ctx.matrix, closed.impact, closed.urgency),
      isMajorIncident: false,
      serviceId: closed.serviceId,
      categoryId: closed.categoryId,
      assignedGroupId: closed.assignedGroupId,
      assignee: null,
      requester: closed.requester,
      openedBy: ctx.actor,
      contactChannel: 'Teams',
      openedAt: ctx.now,
      updatedAt: ctx.now,
      resolvedAt: null,
      closedAt: null,
      resolutionCode: null,
      resolutionNote: null,
      followUpOf: closed.number,
    },
    { at: ctx.now, by: ctx.actor, byRole: ctx.actorRole, action: 'create', linkedNumber: closed.number },
  );
  return ok(ticket);
}

/** Records on the closed ticket which follow-up its reply raised, so either leads to the other. */
export function linkFollowUp(closed: Ticket, followUpNumber: string, ctx: CommandContext): Result<CommandOutcome> {
  if (closed.history.some((e) => e.action === 'followUp' && e.linkedNumber === followUpNumber)) {
    return ok({ ticket: closed, message: null });
  }
  return commit(closed, ctx, { action: 'followUp', after: closed, linkedNumber: followUpNumber });
}
