import type { DomainError } from '../result';
import type { Ticket } from './types';

// A ticket's history is JSON in one plain multi-line text column, which SharePoint caps at 63,999 characters.
// Bodies never go in it (they live in Ticket Messages), and commands stop well before the cap.

export const HISTORY_COLUMN_LIMIT = 63_999;
/** Ordinary commands are refused past this size. */
export const HISTORY_BUDGET = 48_000;
/** Commands that end a ticket's life (resolve, confirm, close, cancel) may use the reserve up to this size. */
export const HISTORY_RESERVE_LIMIT = 60_000;

const ENDING_ACTIONS: ReadonlySet<string> = new Set(['resolve', 'confirm', 'close', 'cancel']);

export function historySize(ticket: Pick<Ticket, 'history'>): number {
  return JSON.stringify(ticket.history).length;
}

/** An error when the ticket's history after this command would pass its budget. */
export function checkHistoryBudget(after: Pick<Ticket, 'history' | 'number'>, action: string): DomainError | null {
  const size = historySize(after);
  const limit = ENDING_ACTIONS.has(action) ? HISTORY_RESERVE_LIMIT : HISTORY_BUDGET;
  if (size <= limit) return null;
  return {
    code: 'history_full',
    field: 'history',
    message:
      `The history of ${after.number} is full (${size} of ${limit} characters). ` +
      'Resolve or cancel it and raise a new ticket for further work.',
  };
}
