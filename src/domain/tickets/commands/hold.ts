import type { DomainError, Result } from '../../result';
import { invalid } from '../../result';
import type { HoldReason, Ticket } from '../types';
import { HOLD_REASONS } from '../types';
import type { CommandContext, CommandOutcome } from './context';
import { commit, readNote, transitionError, unless } from './context';

/**
 * Puts the ticket on hold for a reason. The optional note is a public reply: the caller sees why the ticket waits
 * (for AwaitingCaller it is the question they must answer; their reply resumes the ticket).
 */
export function hold(ticket: Ticket, input: { readonly reason?: unknown; readonly note?: unknown }, ctx: CommandContext): Result<CommandOutcome> {
  const errors: DomainError[] = [];
  const reason = input.reason;
  const valid = typeof reason === 'string' && (HOLD_REASONS as readonly string[]).includes(reason);
  if (!valid) errors.push(invalid('reason', `The reason must be one of ${HOLD_REASONS.join(', ')}.`));
  const note = readNote(input.note, errors, false);
  return unless([transitionError(ticket, 'OnHold', 'hold', ctx.actorRole), ...errors], () =>
    commit(ticket, ctx, {
      action: 'hold',
      after: { ...ticket, state: 'OnHold', holdReason: reason as HoldReason },
      message: note ? { kind: 'Reply', body: note } : null,
    }),
  );
}
