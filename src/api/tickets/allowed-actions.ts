import type { AccessAction } from '../../domain/access';
import { actorRoleOf, audiencesOf, permittedAs } from '../../domain/access';
import type { Result } from '../../domain/result';
import * as c from '../../domain/tickets/commands';
import type { CommandContext, CommandOutcome } from '../../domain/tickets/commands/context';
import { DEFAULT_PRIORITY_MATRIX } from '../../domain/tickets/priority';
import type { Ticket } from '../../domain/tickets/types';
import type { Actor } from '../access/guard';

type DryRun = (t: Ticket, ctx: CommandContext) => Result<CommandOutcome>;

const other = { id: '~someone-else', upn: '', name: '' };

// Each command tried against the ticket as it is, with inputs that are valid whatever it holds: what succeeds is
// offered. So the tab's buttons follow the same rules (role, state machine, history budget) as the commands.
const DRY_RUNS: Readonly<Record<string, readonly [AccessAction, DryRun]>> = {
  take: ['ticket.take', (t, x) => c.take(t, x)],
  assign: ['ticket.assign', (t, x) => c.assign(t, { assignee: other }, x)],
  handover: ['ticket.handover', (t, x) => c.handover(t, { groupKey: '~another-group', note: 'n' }, x)],
  priority: ['ticket.changeImpact', (t, x) => c.changeImpact(t, { value: t.impact === 1 ? 2 : 1, note: 'n' }, x, DEFAULT_PRIORITY_MATRIX)],
  major: ['ticket.setMajor', (t, x) => c.setMajor(t, { isMajor: !t.isMajorIncident }, x)],
  hold: ['ticket.hold', (t, x) => c.hold(t, { reason: 'AwaitingOther' }, x)],
  resume: ['ticket.resume', (t, x) => c.resume(t, x)],
  resolve: ['ticket.resolve', (t, x) => c.resolve(t, { resolutionCode: 'Fixed', note: 'n' }, x)],
  confirm: ['ticket.confirm', (t, x) => c.confirm(t, {}, x)],
  reopen: ['ticket.reopen', (t, x) => c.reopen(t, { note: 'n' }, x)],
  cancel: ['ticket.cancel', (t, x) => c.cancelAsDuplicate(t, { duplicateOf: '~other' }, { number: '~other', state: 'New' }, x)],
  // A reply to a closed ticket raises a follow-up: offered too.
  reply: ['message.reply', (t, x) => (t.state === 'Closed' ? { ok: true, value: { ticket: t, message: null } } : c.reply(t, { body: 'n' }, x))],
  worknote: ['message.workNote', (t, x) => c.workNote(t, { body: 'n' }, x)],
};

export function allowedActions(actor: Actor, ticket: Ticket, now: string): string[] {
  const audiences = audiencesOf(actor.facts, ticket);
  return Object.entries(DRY_RUNS).flatMap(([name, [access, run]]) => {
    const audience = permittedAs(access, audiences);
    if (!audience) return [];
    const outcome = run(ticket, { now, actor: actor.person, actorRole: actorRoleOf(audience), commandKey: 'dry-run-key' });
    return outcome.ok ? [name] : [];
  });
}
