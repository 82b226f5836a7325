import type { DomainError, Result } from '../../result';
import { invalid } from '../../result';
import type { Ticket } from '../types';
import type { CommandContext, CommandOutcome } from './context';
import { ANALYST_ROLES, commit, openError, readNote, roleError, unless } from './context';

/** Declares or stands down a major incident; an optional internal note says why. */
export function setMajor(ticket: Ticket, input: { readonly isMajor?: unknown; readonly note?: unknown }, ctx: CommandContext): Result<CommandOutcome> {
  const errors: DomainError[] = [];
  const isMajor = input.isMajor;
  if (typeof isMajor !== 'boolean') errors.push(invalid('isMajor', 'isMajor must be true or false.'));
  else if (isMajor === ticket.isMajorIncident) {
    errors.push(invalid('isMajor', isMajor ? `${ticket.number} is already a major incident.` : `${ticket.number} is not a major incident.`));
  }
  const note = readNote(input.note, errors, false);
  return unless([roleError(ctx, ANALYST_ROLES, 'declare a major incident'), openError(ticket, 'change its major incident flag'), ...errors], () =>
    commit(ticket, ctx, {
      action: 'setMajor',
      after: { ...ticket, isMajorIncident: isMajor as boolean },
      message: note ? { kind: 'WorkNote', body: note } : null,
    }),
  );
}
