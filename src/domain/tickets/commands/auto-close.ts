import type { DomainError, Result } from '../../result';
import type { Ticket } from '../types';
import type { CommandContext, CommandOutcome } from './context';
import { commit, roleError, transitionError, unless } from './context';

/**
 * The worker closes a ticket its caller left Resolved for the configured number of working days. `dueAt` is when
 * that time is up (computed on the SLA policy's calendar); closing earlier is refused.
 */
export function autoClose(ticket: Ticket, input: { readonly dueAt: string }, ctx: CommandContext): Result<CommandOutcome> {
  const early: DomainError | null =
    Date.parse(ctx.now) < Date.parse(input.dueAt)
      ? { code: 'transition_not_allowed', field: 'state', message: `${ticket.number} stays resolved until ${input.dueAt}, so its caller can still reopen it.` }
      : null;
  return unless([roleError(ctx, ['System'], 'close a resolved ticket on its own'), transitionError(ticket, 'Closed', 'close', ctx.actorRole), early], () =>
    commit(ticket, ctx, { action: 'close', after: { ...ticket, state: 'Closed', closedAt: ctx.now } }),
  );
}
