import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../data/errors';
import { reply, take, workNote } from '../../../domain/tickets/commands';
import { createIncident } from '../../../domain/tickets/create-incident';
import type { TicketMessage } from '../../../domain/tickets/messages';
import { DEFAULT_PRIORITY_MATRIX } from '../../../domain/tickets/priority';
import type { Ticket } from '../../../domain/tickets/types';
import type { Actor } from '../../access/guard';
import type { MessageRepository } from '../../messages/message-repository';
import type { DerivedDueDates, StoredTicket, TicketRepository } from '../ticket-repository';
import { versionOf } from '../version';
import { runTicketCommand } from './run-command';

const caller = { id: 'oid-ann', upn: "ann.o'brien@example.org", name: "Ann O'Brien" };
const raj = { id: 'oid-raj', upn: 'raj@example.org', name: 'Raj Patel' };
const analyst: Actor = { principal: { ...raj, roles: ['Analyst'], groups: [] }, person: raj, facts: { id: raj.id, roles: ['Analyst'], groupKeys: ['desk'], ownedServiceKeys: [] } };
const now = () => new Date('2026-03-02T10:00:00.000Z');

function fixture() {
  const created = createIncident({ title: 'VPN', impact: 2, urgency: 2 }, { number: 'INC-5', now: '2026-03-02T09:00:00.000Z', actor: caller, actorRole: 'Requester', requester: caller, matrix: DEFAULT_PRIORITY_MATRIX, assignedGroupId: 'desk' });
  if (!created.ok) throw new Error('fixture');
  let current: StoredTicket = { itemId: '5', etag: '"e,1"', ticket: created.value };
  let version = 1;
  const log: string[] = [];
  const messages: TicketMessage[] = [];
  const hooks: { beforeUpdate?: (next: Ticket) => void } = {};
  const tickets = {
    findByNumber: async (n: string) => (n === 'INC-5' ? current : null),
    update: async (stored: StoredTicket, next: Ticket, derived?: DerivedDueDates | null) => {
      log.push(`update${derived ? ` ${derived.resolutionDueAt}` : ''}`);
      hooks.beforeUpdate?.(next);
      if (stored.etag !== current.etag) throw new ConflictError({ status: 412, code: 'resourceModified', message: 'stale' });
      current = { ...current, etag: `"e,${++version}"`, ticket: next };
      return current;
    },
  } as unknown as TicketRepository;
  const store: MessageRepository = {
    ensure: async (m) => {
      log.push(`message ${m.key}`);
      const found = messages.find((x) => x.key === m.key);
      if (!found) messages.push(m);
      return found ?? m;
    },
    forTicket: async () => messages,
  };
  const sneak = (next: Ticket) => {
    current = { ...current, etag: `"e,${++version}"`, ticket: next };
  };
  return { tickets, store, log, messages, hooks, sneak, get current() { return current; } };
}

const request = (f: ReturnType<typeof fixture>, key: string, body: Record<string, unknown> = {}) => ({ number: 'INC-5', ifMatch: versionOf(f.current), idempotencyKey: key, body });

describe('the command write protocol', () => {
  it('writes the message first, then the ticket with the derived due dates', async () => {
    const f = fixture();
    const dueDates = async (t: Ticket) => ({ responseDueAt: null, resolutionDueAt: `${t.state}@due` });
    const { stored } = await runTicketCommand({ tickets: f.tickets, messages: f.store, clock: now, dueDates }, analyst, 'message.reply', request(f, 'reply-key-1', { body: 'On it' }), (t, ctx) => reply(t, { body: 'On it' }, ctx));
    expect(f.log).toEqual(['message INC-5:reply-key-1', 'update New@due']);
    expect(stored.ticket.history.at(-1)).toMatchObject({ action: 'reply', messageKey: 'INC-5:reply-key-1', byRole: 'Analyst' });
  });

  it('decides again when a write lands between its read and its write, keeping one message', async () => {
    const f = fixture();
    const req = request(f, 'reply-key-2', { body: 'Hello' });
    let raced = false;
    f.hooks.beforeUpdate = () => {
      if (raced) return;
      raced = true;
      // Someone adds a work note (no field change) just before our write.
      const other = workNote(f.current.ticket, { body: 'meanwhile' }, { now: '2026-03-02T09:59:00.000Z', actor: caller, actorRole: 'Analyst', commandKey: 'other-key-1' });
      if (other.ok) f.sneak(other.value.ticket);
    };
    const { stored, replayed } = await runTicketCommand({ tickets: f.tickets, messages: f.store, clock: now }, analyst, 'message.reply', req, (t, ctx) => reply(t, { body: 'Hello' }, ctx));
    expect(replayed).toBe(false);
    expect(stored.ticket.history.map((e) => e.action)).toEqual(['create', 'worknote', 'reply']);
    expect(f.messages.map((m) => m.key)).toEqual(['INC-5:reply-key-2']);
    expect(f.log).toEqual(['message INC-5:reply-key-2', 'update', 'message INC-5:reply-key-2', 'update']);
  });

  it('recognises its own write when the answer was lost and the retry met a 412', async () => {
    const f = fixture();
    const req = request(f, 'take-key-01');
    f.hooks.beforeUpdate = (next) => {
      f.hooks.beforeUpdate = undefined;
      f.sneak(next); // the write happened; its answer is lost and the stale retry gets 412
    };
    const { stored, replayed } = await runTicketCommand({ tickets: f.tickets, messages: f.store, clock: now }, analyst, 'ticket.take', req, (t, ctx) => take(t, ctx));
    expect(replayed).toBe(true);
    expect(stored.ticket.history.map((e) => e.action)).toEqual(['create', 'take']);
  });

  it('gives up with the conflict after three lost races', async () => {
    const f = fixture();
    const req = request(f, 'take-key-02');
    f.hooks.beforeUpdate = () => {
      const note = workNote(f.current.ticket, { body: 'again' }, { now: '2026-03-02T09:59:00.000Z', actor: caller, actorRole: 'Analyst', commandKey: `n-${f.current.ticket.history.length}-key` });
      if (note.ok) f.sneak(note.value.ticket);
    };
    await expect(runTicketCommand({ tickets: f.tickets, messages: f.store, clock: now }, analyst, 'ticket.take', req, (t, ctx) => take(t, ctx))).rejects.toBeInstanceOf(ConflictError);
    expect(f.log.filter((l) => l === 'update')).toHaveLength(3);
  });
});
