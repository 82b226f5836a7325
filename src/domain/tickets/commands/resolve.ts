import type { DomainError, Result } from '../../result';
import { invalid } from '../../result';
import { RESOLUTION_CODES, isResolutionCode } from '../resolution-codes';
import type { Ticket } from '../types';
import type { CommandContext, CommandOutcome } from './context';
import { commit, readText, transitionError, unless } from './context';

/** The resolution note is kept on the ticket (its own column), where the caller reads it when confirming. */
export const RESOLUTION_NOTE_MAX = 4_000;

export function resolve(ticket: Ticket, input: { readonly resolutionCode?: unknown; readonly note?: unknown }, ctx: CommandContext): Result<CommandOutcome> {
  const errors: DomainError[] = [];
  const code = input.resolutionCode;
  if (!isResolutionCode(code)) errors.push(invalid('resolutionCode', `The resolution code must be one of ${RESOLUTION_CODES.map((r) => r.code).join(', ')}.`));
  const note = readText('note', input.note, errors, { required: true, max: RESOLUTION_NOTE_MAX, label: 'resolution note' });
  return unless([transitionError(ticket, 'Resolved', 'resolve', ctx.actorRole), ...errors], () =>
    commit(ticket, ctx, {
      action: 'resolve',
      after: { ...ticket, state: 'Resolved', holdReason: null, resolvedAt: ctx.now, resolutionCode: code as string, resolutionNote: note },
    }),
  );
}
