import type { DomainError, Result } from '../../result';
import { fail, invalid } from '../../result';
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

function changeLevel(
  field: 'impact' | 'urgency',
  ticket: Ticket,
  input: ChangeLevelInput,
  ctx: CommandContext,
  matrix: PriorityMatrix,
  publishNote = true,
): Result<CommandOutcome> {
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
      message: publishNote ? { kind: 'WorkNote', body: note ?? '' } : null,
    });
  });
}

export const changeImpact = (ticket: Ticket, input: ChangeLevelInput, ctx: CommandContext, matrix: PriorityMatrix) =>
  changeLevel('impact', ticket, input, ctx, matrix);

export const changeUrgency = (ticket: Ticket, input: ChangeLevelInput, ctx: CommandContext, matrix: PriorityMatrix) =>
  changeLevel('urgency', ticket, input, ctx, matrix);

/**
 * Impact and urgency from one form: each level that differs is its own entry ('changeImpact', then 'changeUrgency'),
 * and the note is published once, with the first. Sending both unchanged is an error.
 */
export function changeImpactAndUrgency(
  ticket: Ticket,
  input: { readonly impact?: unknown; readonly urgency?: unknown; readonly note?: unknown },
  ctx: CommandContext,
  matrix: PriorityMatrix,
): Result<CommandOutcome> {
  const impactChanges = input.impact !== undefined && input.impact !== ticket.impact;
  const urgencyChanges = input.urgency !== undefined && input.urgency !== ticket.urgency;
  if (!impactChanges && !urgencyChanges) return fail(invalid('impact', 'Change the impact, the urgency or both.'));
  if (!impactChanges) return changeUrgency(ticket, { value: input.urgency, note: input.note }, ctx, matrix);
  const first = changeImpact(ticket, { value: input.impact, note: input.note }, ctx, matrix);
  if (!first.ok || !urgencyChanges) return first;
  const second = changeLevel('urgency', first.value.ticket, { value: input.urgency, note: input.note }, ctx, matrix, false);
  return second.ok ? { ok: true, value: { ticket: second.value.ticket, message: first.value.message } } : second;
}
