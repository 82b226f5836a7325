import type { AccessAction } from '../../../domain/access';
import type { Result } from '../../../domain/result';
import { fail, invalid } from '../../../domain/result';
import * as commands from '../../../domain/tickets/commands';
import type { CommandContext, CommandOutcome } from '../../../domain/tickets/commands/context';
import type { PriorityMatrix } from '../../../domain/tickets/priority';
import type { Ticket } from '../../../domain/tickets/types';
import { assigneeRefusal, ineligibleAssignee } from '../../people/assignee';
import type { PeopleDirectory } from '../../people/people-directory';
import type { ReferenceRepository } from '../../reference/reference-repository';
import type { TicketRepository } from '../ticket-repository';

/** What the commands look up before the domain decides: people, groups, the matrix, another ticket. */
export interface LookupDeps {
  readonly tickets: TicketRepository;
  readonly reference: ReferenceRepository;
  readonly people: PeopleDirectory;
  readonly priorityMatrix: () => Promise<PriorityMatrix>;
}

type Body = Readonly<Record<string, unknown>>;

export interface TicketCommand {
  readonly access: AccessAction;
  decide(deps: LookupDeps, body: Body, ticket: Ticket, ctx: CommandContext): Promise<Result<CommandOutcome>>;
}

const sync = (access: AccessAction, run: (body: Body, ticket: Ticket, ctx: CommandContext) => Result<CommandOutcome>): TicketCommand => ({
  access,
  decide: async (_deps, body, ticket, ctx) => run(body, ticket, ctx),
});

async function assign(deps: LookupDeps, body: Body, ticket: Ticket, ctx: CommandContext): Promise<Result<CommandOutcome>> {
  const id = body.assigneeId;
  if (typeof id !== 'string' || id.trim() === '' || id.length > 255) return fail(invalid('assigneeId', 'Choose the person to assign the ticket to.'));
  const person = await deps.people.get(id.trim());
  if (!person) return fail(invalid('assigneeId', `No one in the directory has the id ${id.trim()}.`));
  // The domain first: a ticket that cannot be assigned at all says so before who may take it.
  const decided = commands.assign(ticket, { assignee: { id: person.id, upn: person.upn, name: person.name } }, ctx);
  if (!decided.ok) return decided;
  const refusal = await assigneeRefusal(deps, person, ticket);
  if (refusal) throw ineligibleAssignee(refusal);
  return decided;
}

async function handover(deps: LookupDeps, body: Body, ticket: Ticket, ctx: CommandContext): Promise<Result<CommandOutcome>> {
  const key = body.groupKey;
  if (typeof key === 'string' && key.trim() && key.trim() !== ticket.assignedGroupId) {
    const group = (await deps.reference.supportGroups()).find((g) => g.key === key.trim() && g.isActive);
    if (!group) return fail(invalid('groupKey', `There is no active support group with the key "${key.trim()}".`));
  }
  return commands.handover(ticket, { groupKey: body.groupKey, note: body.note }, ctx);
}

async function cancel(deps: LookupDeps, body: Body, ticket: Ticket, ctx: CommandContext): Promise<Result<CommandOutcome>> {
  const wanted = typeof body.duplicateOf === 'string' ? body.duplicateOf.trim() : '';
  const original = wanted && wanted.length <= 48 ? await deps.tickets.findByNumber(wanted) : null;
  const link = original ? { number: original.ticket.number, state: original.ticket.state } : null;
  return commands.cancelAsDuplicate(ticket, { duplicateOf: body.duplicateOf, note: body.note }, link, ctx);
}

const major = sync('ticket.setMajor', (body, ticket, ctx) => commands.setMajor(ticket, { isMajor: body.isMajor ?? body.isMajorIncident, note: body.note }, ctx));

/**
 * Every command by the name it has in POST /api/tickets/:number/:action. `priority` and `major` are the tab's
 * names; `changeImpact`, `changeUrgency` and `setMajor` the history's.
 */
export const TICKET_COMMANDS: Readonly<Record<string, TicketCommand>> = {
  take: sync('ticket.take', (_body, ticket, ctx) => commands.take(ticket, ctx)),
  assign: { access: 'ticket.assign', decide: assign },
  handover: { access: 'ticket.handover', decide: handover },
  priority: {
    access: 'ticket.changeImpact',
    decide: async (deps, body, ticket, ctx) => commands.changeImpactAndUrgency(ticket, { impact: body.impact, urgency: body.urgency, note: body.note }, ctx, await deps.priorityMatrix()),
  },
  changeImpact: {
    access: 'ticket.changeImpact',
    decide: async (deps, body, ticket, ctx) => commands.changeImpact(ticket, { value: body.impact ?? body.value, note: body.note }, ctx, await deps.priorityMatrix()),
  },
  changeUrgency: {
    access: 'ticket.changeUrgency',
    decide: async (deps, body, ticket, ctx) => commands.changeUrgency(ticket, { value: body.urgency ?? body.value, note: body.note }, ctx, await deps.priorityMatrix()),
  },
  major,
  setMajor: major,
  hold: sync('ticket.hold', (body, ticket, ctx) => commands.hold(ticket, { reason: body.reason, note: body.note }, ctx)),
  resume: sync('ticket.resume', (_body, ticket, ctx) => commands.resume(ticket, ctx)),
  resolve: sync('ticket.resolve', (body, ticket, ctx) => commands.resolve(ticket, { resolutionCode: body.resolutionCode, note: body.note }, ctx)),
  confirm: sync('ticket.confirm', (body, ticket, ctx) => commands.confirm(ticket, { rating: body.rating, comment: body.comment }, ctx)),
  reopen: sync('ticket.reopen', (body, ticket, ctx) => commands.reopen(ticket, { note: body.note }, ctx)),
  cancel: { access: 'ticket.cancel', decide: cancel },
  reply: sync('message.reply', (body, ticket, ctx) => commands.reply(ticket, { body: body.body }, ctx)),
  worknote: sync('message.workNote', (body, ticket, ctx) => commands.workNote(ticket, { body: body.body }, ctx)),
};
