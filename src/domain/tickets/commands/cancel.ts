import type { DomainError, Result } from '../../result';
import { invalid } from '../../result';
import type { Ticket, TicketState } from '../types';
import type { CommandContext, CommandOutcome } from './context';
import { commit, readNote, transitionError, unless } from './context';

export interface CancelInput {
  readonly duplicateOf?: unknown;
  readonly note?: unknown;
}

/**
 * Cancels the ticket as a duplicate of another, which the API has looked up by number (`original`, null when none).
 * The optional note is public: the caller learns where their issue is now followed.
 */
export function cancelAsDuplicate(
  ticket: Ticket,
  input: CancelInput,
  original: { readonly number: string; readonly state: TicketState } | null,
  ctx: CommandContext,
): Result<CommandOutcome> {
  const errors: DomainError[] = [];
  const wanted = typeof input.duplicateOf === 'string' ? input.duplicateOf.trim() : '';
  if (!wanted) errors.push(invalid('duplicateOf', 'Give the number of the ticket this one duplicates.'));
  else if (!original) errors.push(invalid('duplicateOf', `There is no ticket ${wanted}.`));
  else if (original.number === ticket.number) errors.push(invalid('duplicateOf', 'A ticket cannot duplicate itself.'));
  else if (original.state === 'Cancelled') errors.push(invalid('duplicateOf', `${original.number} is itself cancelled; link the ticket it duplicates instead.`));
  const note = readNote(input.note, errors, false);
  return unless([transitionError(ticket, 'Cancelled', 'cancel', ctx.actorRole), ...errors], () =>
    commit(ticket, ctx, {
      action: 'cancel',
      after: { ...ticket, state: 'Cancelled', holdReason: null, closedAt: ctx.now, duplicateOf: original?.number ?? null },
      message: note ? { kind: 'Reply', body: note } : null,
    }),
  );
}
