import type { DomainError, Result } from '../../result';
import { fail, invalid, ok } from '../../result';
import { readUserText } from '../../text';
import { checkHistoryBudget } from '../history-budget';
import { withHistory } from '../history';
import type { TicketMessage } from '../messages';
import { MESSAGE_MAX, messageKeyFor } from '../messages';
import { findTransition, isOpenState, stateMachines } from '../state-machine';
import type { ActorRole, MessageKind, PersonRef, Ticket, TicketState } from '../types';

/** Who acts, when, and with which idempotency key. Commands are pure: all of this comes in as data. */
export interface CommandContext {
  readonly now: string;
  readonly actor: PersonRef;
  readonly actorRole: ActorRole;
  /** The client's key for this command. Commands that publish a message need it: it makes the message key. */
  readonly commandKey: string | null;
}

/** The next version of the ticket and, for commands with a body, the message to write before it. */
export interface CommandOutcome {
  readonly ticket: Ticket;
  readonly message: TicketMessage | null;
}

export const ANALYST_ROLES: readonly ActorRole[] = ['Analyst', 'Admin'];

const STATE_LABEL: Readonly<Record<TicketState, string>> = {
  New: 'new',
  InProgress: 'in progress',
  OnHold: 'on hold',
  Resolved: 'resolved',
  Closed: 'closed',
  Cancelled: 'cancelled',
};

export const describeState = (state: TicketState): string => STATE_LABEL[state];

export function roleError(ctx: CommandContext, allowed: readonly ActorRole[], what: string): DomainError | null {
  if (allowed.includes(ctx.actorRole)) return null;
  return { code: 'role_not_allowed', message: `Only ${allowed.map((r) => r.toLowerCase()).join(' or ')}s can ${what}.` };
}

/** The move `from -> to` must exist under this action in the ticket's state machine, and allow the actor's role. */
export function transitionError(ticket: Ticket, to: TicketState, action: string, role: ActorRole): DomainError | null {
  const t = findTransition(stateMachines[ticket.type], ticket.state, to);
  if (!t || t.action !== action) {
    return { code: 'transition_not_allowed', field: 'state', message: `${ticket.number} is ${describeState(ticket.state)}: it cannot ${action === 'take' ? 'be taken' : `take the ${action} step`} now.` };
  }
  if (!t.roles.includes(role)) return { code: 'role_not_allowed', message: `A ${role.toLowerCase()} cannot ${action} a ticket that is ${describeState(ticket.state)}.` };
  return null;
}

/** Commands that change a ticket's work (assign, hand over, priority) need it open: New, In progress or On hold. */
export function openError(ticket: Ticket, what: string): DomainError | null {
  if (isOpenState(stateMachines[ticket.type], ticket.state)) return null;
  return { code: 'transition_not_allowed', field: 'state', message: `${ticket.number} is ${describeState(ticket.state)}: you cannot ${what} until it is reopened.` };
}

/**
 * Reads an optional or required multi-line free text (a note, a reply, a comment), trimmed; adds a coded error when
 * it is missing, not text, holds a refused character (NUL, other controls: domain/text.ts) or is too long.
 */
export function readText(field: string, value: unknown, errors: DomainError[], options: { required: boolean; max: number; label: string }): string | null {
  return readUserText(field, value, errors, { ...options, shape: 'multi-line' });
}

export const readNote = (value: unknown, errors: DomainError[], required: boolean, label = 'note') =>
  readText('note', value, errors, { required, max: MESSAGE_MAX, label });

export interface Change {
  readonly action: string;
  readonly after: Omit<Ticket, 'history'>;
  /** A body to publish in Ticket Messages with this entry. */
  readonly message?: { readonly kind: MessageKind; readonly body: string } | null;
  readonly linkedNumber?: string;
}

/** Appends the one history entry of a command, builds its message, and checks the history budget. */
export function commit(before: Ticket, ctx: CommandContext, change: Change): Result<CommandOutcome> {
  let message: TicketMessage | null = null;
  if (change.message) {
    if (!ctx.commandKey) return fail(invalid('commandKey', 'A command that publishes a message needs an idempotency key.'));
    message = {
      key: messageKeyFor(before.number, ctx.commandKey),
      ticketNumber: before.number,
      kind: change.message.kind,
      author: ctx.actor,
      authorRole: ctx.actorRole,
      body: change.message.body,
      createdAt: ctx.now,
    };
  }
  const ticket = withHistory(before, change.after, {
    at: ctx.now,
    by: ctx.actor,
    byRole: ctx.actorRole,
    action: change.action,
    ...(message ? { messageKey: message.key } : ctx.commandKey ? { commandKey: ctx.commandKey } : {}),
    ...(change.linkedNumber ? { linkedNumber: change.linkedNumber } : {}),
  });
  const full = checkHistoryBudget(ticket, change.action);
  if (full) return fail(full);
  return ok({ ticket, message });
}

/** Returns the errors as a failed result, or runs `next` when there are none. */
export function unless(errors: readonly (DomainError | null)[], next: () => Result<CommandOutcome>): Result<CommandOutcome> {
  const found = errors.filter((e): e is DomainError => e !== null);
  return found.length > 0 ? fail(...found) : next();
}
