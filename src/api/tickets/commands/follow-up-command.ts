import { ConflictError } from '../../../data/errors';
import { createFollowUp, linkFollowUp } from '../../../domain/tickets/commands/follow-up';
import type { PriorityMatrix } from '../../../domain/tickets/priority';
import type { Actor } from '../../access/guard';
import { authorize } from '../../access/guard';
import { ApiError, fromDomainErrors } from '../../http/api-error';
import type { StoredTicket, TicketRepository } from '../ticket-repository';
import { commandKeyOf } from './command-key';
import type { CommandRequest, CommandRunDeps } from './run-command';
import { loadTicket, refuseIfChanged, requireVersion } from './run-command';

export interface FollowUpDeps {
  readonly tickets: TicketRepository;
  readonly priorityMatrix: () => Promise<PriorityMatrix>;
  readonly clock: () => Date;
  readonly dueDates?: CommandRunDeps['dueDates'];
}

/**
 * A reply to a Closed ticket raises a linked follow-up, keyed on the command's key so a retry finds it instead of
 * raising a second one; then the closed ticket records the link (retried on a lost race, never duplicated).
 */
export async function replyToClosedCommand(deps: FollowUpDeps, actor: Actor, closed: StoredTicket, request: CommandRequest): Promise<{ stored: StoredTicket; created: boolean }> {
  const permission = authorize(actor, 'message.reply', closed.ticket);
  const { key } = commandKeyOf(request.idempotencyKey, request.body);
  const version = requireVersion(request);
  const idempotencyKey = `followup-${key}`;
  let followUp = await deps.tickets.findByIdempotencyKey(idempotencyKey);
  if (followUp && followUp.ticket.openedBy.id !== actor.person.id) {
    throw new ApiError(409, 'idempotency_key_reused', 'This Idempotency-Key was already used by someone else: send a new key.');
  }
  // A retry repeats the reply; another reply under the same key would be lost behind the first follow-up (decision 0413).
  const text = typeof request.body.body === 'string' ? request.body.body.trim() : request.body.body;
  if (followUp && followUp.ticket.description !== text) {
    throw new ApiError(409, 'idempotency_key_reused', `This Idempotency-Key already raised ${followUp.ticket.number} with a different reply: send a new key for a new reply.`);
  }
  const ctx = { now: deps.clock().toISOString(), actor: actor.person, actorRole: permission.role, commandKey: key };
  const created = followUp === null;
  if (!followUp) {
    refuseIfChanged(closed, version);
    const draft = createFollowUp(closed.ticket, { body: request.body.body }, { ...ctx, number: `NEW-${idempotencyKey}`, matrix: await deps.priorityMatrix() });
    if (!draft.ok) throw fromDomainErrors(draft.errors);
    const derived = deps.dueDates ? await deps.dueDates(draft.value, new Date(ctx.now)) : null;
    followUp = await deps.tickets.create(draft.value, idempotencyKey, derived);
  }
  await linkBack(deps.tickets, closed, followUp.ticket.number, ctx);
  return { stored: followUp, created };
}

async function linkBack(tickets: TicketRepository, closed: StoredTicket, followUpNumber: string, ctx: Parameters<typeof linkFollowUp>[2]): Promise<void> {
  let current = closed;
  for (let attempt = 1; ; attempt++) {
    const linked = linkFollowUp(current.ticket, followUpNumber, ctx);
    // A closed ticket whose history is full keeps no back link; the follow-up still names it.
    if (!linked.ok && linked.errors.every((e) => e.code === 'history_full')) return;
    if (!linked.ok) throw fromDomainErrors(linked.errors);
    if (linked.value.ticket === current.ticket) return;
    try {
      await tickets.update(current, linked.value.ticket);
      return;
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= 3) throw error;
      current = await loadTicket(tickets, current.ticket.number);
    }
  }
}
