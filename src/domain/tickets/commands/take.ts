import type { Result } from '../../result';
import { fail, invalid } from '../../result';
import type { Ticket } from '../types';
import type { CommandContext, CommandOutcome } from './context';
import { ANALYST_ROLES, commit, describeState, roleError, transitionError, unless } from './context';

/** The actor takes the ticket: it becomes theirs, and a New ticket moves to In progress. */
export function take(ticket: Ticket, ctx: CommandContext): Result<CommandOutcome> {
  const role = roleError(ctx, ANALYST_ROLES, 'take a ticket');
  if (role) return fail(role);
  if (ticket.state === 'New') {
    return unless([transitionError(ticket, 'InProgress', 'take', ctx.actorRole)], () =>
      commit(ticket, ctx, { action: 'take', after: { ...ticket, state: 'InProgress', assignee: ctx.actor } }),
    );
  }
  if (ticket.state !== 'InProgress' && ticket.state !== 'OnHold') {
    return fail({ code: 'transition_not_allowed', field: 'state', message: `${ticket.number} is ${describeState(ticket.state)}: it cannot be taken.` });
  }
  if (ticket.assignee?.id === ctx.actor.id) return fail(invalid('assignee', `${ticket.number} is already assigned to you.`));
  return commit(ticket, ctx, { action: 'take', after: { ...ticket, assignee: ctx.actor } });
}
