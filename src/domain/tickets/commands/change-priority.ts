import type { DomainError, Result } from '../../result';
import { invalid } from '../../result';
import type { PriorityMatrix } from '../priority';
import { derivePriority, isImpact } from '../priority';
import type { Impact, Ticket } from '../types';
import type { CommandContext, CommandOutcome } from './context';
import { ANALYST_ROLES, commit, openError, readNote, roleError, unless } from './context';

export interface ChangeLevelInput {
  readonly value?: unknown;
  readonly note?: unknown;
}

const LEVEL = { impact: 'Impact', urgency: 'Urgency' } as const;

function changeLevel(field: 'impact' | 'urgency', ticket: Ticket, input: ChangeLevelInput, ctx: CommandContext, matrix: PriorityMatrix): Result<CommandOutcome> {
  const errors: DomainError[] = [];
  const value = input.value;
  if (!isImpact(value)) errors.push(invalid(field, `${LEVEL[field]} must be 1 (high), 2 (medium) or 3 (low).`));
  else if (value === ticket[field]) errors.push(invalid(field, `${LEVEL[field]} is already ${value}.`));
  const note = readNote(input.note, errors, true, `note saying why the ${field} changed`);
  return unless([roleError(ctx, ANALYST_ROLES, `change the ${field}`), openError(ticket, `change its ${field}`), ...errors], () => {
    const next = { ...ticket, [field]: value as Impact };
    return commit(ticket, ctx, {
      action: field === 'impact' ? 'changeImpact' : 'changeUrgency',
      // Priority is never typed: it follows the matrix in force now.
      after: { ...next, priority: derivePriority(matrix, next.impact, next.urgency) },
      message: { kind: 'WorkNote', body: note ?? '' },
    });
  });
}

export const changeImpact = (ticket: Ticket, input: ChangeLevelInput, ctx: CommandContext, matrix: PriorityMatrix) =>
  changeLevel('impact', ticket, input, ctx, matrix);

export const changeUrgency = (ticket: Ticket, input: ChangeLevelInput, ctx: CommandContext, matrix: PriorityMatrix) =>
  changeLevel('urgency', ticket, input, ctx, matrix);
