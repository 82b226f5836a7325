import type { DomainError, Result } from '../../result';
import type { Ticket } from '../types';
import type { CommandContext, CommandOutcome } from './context';
import { commit, readNote, transitionError, unless } from './context';

/**
 * Reopens a resolved ticket, with a public note saying why. Only Resolved can be reopened, for as long as it stays
 * Resolved (the worker's auto-close ends that); after Closed a reply raises a follow-up instead.
 */
export function reopen(ticket: Ticket, input: { readonly note?: unknown }, ctx: CommandContext): Result<CommandOutcome> {
  const errors: DomainError[] = [];
  const note = readNote(input.note, errors, true, 'note saying why it is not fixed');
  return unless([transitionError(ticket, 'InProgress', 'reopen', ctx.actorRole), ...errors], () =>
    commit(ticket, ctx, {
      action: 'reopen',
      after: { ...ticket, state: 'InProgress', resolvedAt: null, resolutionCode: null, resolutionNote: null },
      message: { kind: 'Reply', body: note ?? '' },
    }),
  );
}
