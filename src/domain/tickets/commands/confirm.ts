import type { DomainError, Result } from '../../result';
import { invalid } from '../../result';
import type { SatisfactionRating, Ticket } from '../types';
import type { CommandContext, CommandOutcome } from './context';
import { commit, readText, transitionError, unless } from './context';

export const SATISFACTION_COMMENT_MAX = 2_000;

const isRating = (v: unknown): v is SatisfactionRating => v === 1 || v === 2 || v === 3 || v === 4 || v === 5;

/** The caller confirms the resolution, closing the ticket, with an optional 1-5 rating and comment (once per ticket). */
export function confirm(ticket: Ticket, input: { readonly rating?: unknown; readonly comment?: unknown }, ctx: CommandContext): Result<CommandOutcome> {
  const errors: DomainError[] = [];
  const rating = input.rating ?? null;
  if (rating !== null && !isRating(rating)) errors.push(invalid('rating', 'The rating must be a whole number from 1 to 5, or left out.'));
  const comment = readText('comment', input.comment, errors, { required: false, max: SATISFACTION_COMMENT_MAX, label: 'comment' });
  if (ticket.satisfaction) errors.push({ code: 'transition_not_allowed', field: 'rating', message: `${ticket.number} has already been confirmed and rated.` });
  // Confirming is the caller's move along Resolved -> Closed, the step the worker's auto-close also takes.
  return unless([transitionError(ticket, 'Closed', 'close', ctx.actorRole), ...errors], () =>
    commit(ticket, ctx, {
      action: 'confirm',
      after: { ...ticket, state: 'Closed', closedAt: ctx.now, satisfaction: { rating: rating as SatisfactionRating | null, comment, at: ctx.now } },
    }),
  );
}
