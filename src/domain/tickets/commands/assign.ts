import type { Result } from '../../result';
import { invalid } from '../../result';
import type { PersonRef, Ticket } from '../types';
import type { CommandContext, CommandOutcome } from './context';
import { ANALYST_ROLES, commit, openError, roleError, unless } from './context';

/**
 * Assigns the ticket to a person (the API resolves them through the directory first). The state is left as it is:
 * a New ticket stays New until someone works it, so the queue still shows it as not started.
 */
export function assign(ticket: Ticket, input: { readonly assignee: PersonRef | null }, ctx: CommandContext): Result<CommandOutcome> {
  const assignee = input.assignee;
  return unless(
    [
      roleError(ctx, ANALYST_ROLES, 'assign a ticket'),
      openError(ticket, 'assign it'),
      assignee ? null : invalid('assigneeId', 'Say who to assign the ticket to.'),
      assignee && ticket.assignee?.id === assignee.id ? invalid('assigneeId', `${ticket.number} is already assigned to ${assignee.name}.`) : null,
    ],
    () => commit(ticket, ctx, { action: 'assign', after: { ...ticket, assignee } }),
  );
}
