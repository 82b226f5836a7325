import type { Result } from '../../result';
import { invalid } from '../../result';
import type { DomainError } from '../../result';
import type { Ticket } from '../types';
import type { CommandContext, CommandOutcome } from './context';
import { ANALYST_ROLES, commit, openError, readNote, roleError, unless } from './context';

export interface HandoverInput {
  /** The receiving group's key; the API has checked it names an active support group. */
  readonly groupKey?: unknown;
  readonly note?: unknown;
}

/**
 * Hands the ticket to another support group with a note for them (an internal work note). The assignee is cleared:
 * the receiving group decides who works it, and its OLA clock starts with the hand-over.
 */
export function handover(ticket: Ticket, input: HandoverInput, ctx: CommandContext): Result<CommandOutcome> {
  const errors: DomainError[] = [];
  const groupKey = typeof input.groupKey === 'string' ? input.groupKey.trim() : '';
  if (!groupKey) errors.push(invalid('groupKey', 'Say which support group to hand the ticket to.'));
  else if (groupKey === ticket.assignedGroupId) errors.push(invalid('groupKey', `${ticket.number} is already with that group.`));
  const note = readNote(input.note, errors, true, 'hand-over note');
  return unless([roleError(ctx, ANALYST_ROLES, 'hand a ticket over'), openError(ticket, 'hand it over'), ...errors], () =>
    commit(ticket, ctx, {
      action: 'handover',
      after: { ...ticket, assignedGroupId: groupKey, assignee: null },
      message: { kind: 'WorkNote', body: note ?? '' },
    }),
  );
}
