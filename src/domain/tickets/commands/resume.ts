import type { Result } from '../../result';
import type { Ticket } from '../types';
import type { CommandContext, CommandOutcome } from './context';
import { commit, transitionError, unless } from './context';

/**
 * Takes the ticket off hold. A requester may resume only a ticket that waits for them (AwaitingCaller); their
 * reply does this for them (see reply).
 */
export function resume(ticket: Ticket, ctx: CommandContext): Result<CommandOutcome> {
  const waitsForSomeoneElse =
    ctx.actorRole === 'Requester' && ticket.state === 'OnHold' && ticket.holdReason !== 'AwaitingCaller'
      ? { code: 'role_not_allowed' as const, message: `${ticket.number} is waiting for ${describeReason(ticket)}, not for you.` }
      : null;
  return unless([transitionError(ticket, 'InProgress', 'resume', ctx.actorRole), waitsForSomeoneElse], () =>
    commit(ticket, ctx, { action: 'resume', after: { ...ticket, state: 'InProgress', holdReason: null } }),
  );
}

function describeReason(ticket: Ticket): string {
  switch (ticket.holdReason) {
    case 'AwaitingSupplier':
      return 'a supplier';
    case 'AwaitingChange':
      return 'a change';
    default:
      return 'something else';
  }
}
