import type { DomainError, Result } from '../../result';
import { fail } from '../../result';
import type { ActorRole, Ticket } from '../types';
import type { CommandContext, CommandOutcome } from './context';
import { MESSAGE_MAX } from '../messages';
import { ANALYST_ROLES, commit, readText, roleError, transitionError, unless } from './context';

const REPLIERS: readonly ActorRole[] = ['Requester', 'Analyst', 'Admin'];

/** The message of a reply or work note, whose request field is `body`: errors name that field. */
export const readBody = (value: unknown, errors: DomainError[], label: string) => readText('body', value, errors, { required: true, max: MESSAGE_MAX, label });

/**
 * A public reply. The caller's reply to a ticket on hold waiting for them resumes it, in the same entry.
 * Closed tickets take no replies here: the API raises a follow-up (see follow-up.ts).
 */
export function reply(ticket: Ticket, input: { readonly body?: unknown }, ctx: CommandContext): Result<CommandOutcome> {
  const errors: DomainError[] = [];
  const body = readBody(input.body, errors, 'reply');
  const role = roleError(ctx, REPLIERS, 'reply');
  if (role) return fail(role);
  if (ticket.state === 'Cancelled') {
    const where = ticket.duplicateOf ? `; follow ${ticket.duplicateOf} instead` : '';
    return fail({ code: 'transition_not_allowed', field: 'state', message: `${ticket.number} was cancelled${where}.` });
  }
  if (ticket.state === 'Closed') {
    return fail({ code: 'transition_not_allowed', field: 'state', message: `${ticket.number} is closed: a reply raises a follow-up ticket.` });
  }
  const resumes = ctx.actorRole === 'Requester' && ticket.state === 'OnHold' && ticket.holdReason === 'AwaitingCaller';
  const resumeError = resumes ? transitionError(ticket, 'InProgress', 'resume', ctx.actorRole) : null;
  return unless([resumeError, ...errors], () =>
    commit(ticket, ctx, {
      action: 'reply',
      after: resumes ? { ...ticket, state: 'InProgress', holdReason: null } : ticket,
      message: { kind: 'Reply', body: body ?? '' },
    }),
  );
}

/** An internal work note: analysts and admins only, on a ticket in any state; requesters never see it. */
export function workNote(ticket: Ticket, input: { readonly body?: unknown }, ctx: CommandContext): Result<CommandOutcome> {
  const errors: DomainError[] = [];
  const body = readBody(input.body, errors, 'work note');
  return unless([roleError(ctx, ANALYST_ROLES, 'write work notes'), ...errors], () =>
    commit(ticket, ctx, { action: 'worknote', after: ticket, message: { kind: 'WorkNote', body: body ?? '' } }),
  );
}
