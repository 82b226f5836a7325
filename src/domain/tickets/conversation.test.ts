import { describe, expect, it } from 'vitest';
import { handover } from './commands/handover';
import { hold } from './commands/hold';
import { reply, workNote } from './commands/reply';
import { resolve } from './commands/resolve';
import { take } from './commands/take';
import { analyst, colleague, ctx, newTicket, value } from './commands/fixtures.test-support';
import { changesSince } from './conflict';
import { HISTORY_BUDGET, checkHistoryBudget, historySize } from './history-budget';
import type { TicketMessage } from './messages';
import { conversationFor, entryForCommandKey } from './messages';
import type { Ticket } from './types';

function story() {
  const messages: TicketMessage[] = [];
  let t: Ticket = newTicket();
  const step = (r: ReturnType<typeof take>) => {
    const out = value(r);
    if (out.message) messages.push(out.message);
    t = out.ticket;
  };
  step(take(t, ctx()));
  step(workNote(t, { body: 'Internal: suspect the driver' }, ctx()));
  step(hold(t, { reason: 'AwaitingCaller', note: 'Which floor?' }, ctx()));
  step(reply(t, { body: 'Floor 3' }, ctx('Requester')));
  step(handover(t, { groupKey: 'networks', note: 'Network printer, over to you' }, ctx()));
  return { ticket: t, messages };
}

describe('conversation as a reader sees it', () => {
  it('gives analysts every entry and message in history order', () => {
    const { ticket, messages } = story();
    const seen = conversationFor(ticket, [...messages].reverse(), { workNotes: true });
    expect(seen.history.map((e) => e.action)).toEqual(['create', 'take', 'worknote', 'hold', 'reply', 'handover']);
    expect(seen.messages.map((m) => m.body)).toEqual(['Internal: suspect the driver', 'Which floor?', 'Floor 3', 'Network printer, over to you']);
  });
  it('never shows a requester a work note, its entry, or the key of an internal hand-over note', () => {
    const { ticket, messages } = story();
    const seen = conversationFor(ticket, messages, { workNotes: false });
    expect(seen.history.map((e) => e.action)).toEqual(['create', 'take', 'hold', 'reply', 'handover']);
    expect(seen.messages.map((m) => m.body)).toEqual(['Which floor?', 'Floor 3']);
    expect(seen.history.at(-1)).not.toHaveProperty('messageKey');
    expect(JSON.stringify(seen)).not.toMatch(/Internal|over to you/);
  });
  it('shows no message that no history entry references (an interrupted command)', () => {
    const { ticket, messages } = story();
    const orphan: TicketMessage = { ...messages[1]!, key: 'INC-7:orphan-key', kind: 'Reply', body: 'half-written' };
    expect(conversationFor(ticket, [...messages, orphan], { workNotes: true }).messages.map((m) => m.body)).not.toContain('half-written');
  });
  it('finds the entry a retried command already wrote, by its key', () => {
    const c = ctx();
    const t = value(take(newTicket(), c)).ticket;
    expect(entryForCommandKey(t, c.commandKey!)?.action).toBe('take');
    const r = ctx();
    const replied = value(reply(t, { body: 'hi' }, r)).ticket;
    expect(entryForCommandKey(replied, r.commandKey!)?.action).toBe('reply');
    expect(entryForCommandKey(replied, 'never-sent')).toBeUndefined();
  });
});

describe('what changed since a version', () => {
  it('lists field changes after the entries the client saw, with who and when', () => {
    const base = newTicket();
    const taken = value(take(base, ctx('Analyst', analyst, '2026-01-05T10:00:00.000Z'))).ticket;
    const noted = value(workNote(taken, { body: 'n' }, ctx())).ticket;
    const moved = value(handover(noted, { groupKey: 'networks', note: 'n' }, ctx('Analyst', colleague, '2026-01-05T11:00:00.000Z'))).ticket;
    expect(changesSince(moved, 1)).toEqual([
      { field: 'state', from: 'New', to: 'InProgress', at: '2026-01-05T10:00:00.000Z', by: analyst, byRole: 'Analyst', action: 'take' },
      { field: 'assignee', from: null, to: 'oid-raj', at: '2026-01-05T10:00:00.000Z', by: analyst, byRole: 'Analyst', action: 'take' },
      { field: 'assignedGroupId', from: 'service-desk', to: 'networks', at: '2026-01-05T11:00:00.000Z', by: colleague, byRole: 'Analyst', action: 'handover' },
      { field: 'assignee', from: 'oid-raj', to: null, at: '2026-01-05T11:00:00.000Z', by: colleague, byRole: 'Analyst', action: 'handover' },
    ]);
    expect(changesSince(noted, 2)).toEqual([]);
  });
});

describe('history budget', () => {
  it('refuses ordinary commands past the budget but lets a full ticket still be resolved', () => {
    let t = newTicket();
    let refused: ReturnType<typeof workNote> | null = null;
    for (let i = 0; i < 1000 && !refused; i++) {
      const r = workNote(t, { body: 'x' }, ctx());
      if (r.ok) t = r.value.ticket;
      else refused = r;
    }
    expect(refused?.ok ? [] : refused?.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^The history of INC-7 is full \(\d+ of 48000 characters\)\. Resolve or cancel it/)]);
    expect(historySize(t)).toBeLessThanOrEqual(HISTORY_BUDGET);
    const done = value(resolve(t, { resolutionCode: 'Fixed', note: 'Done' }, ctx()));
    expect(historySize(done.ticket)).toBeGreaterThan(HISTORY_BUDGET - 300);
    expect(checkHistoryBudget(done.ticket, 'resolve')).toBeNull();
    expect(historySize(done.ticket)).toBeLessThan(63_999);
  });
  it('makes the command itself fail with history_full', () => {
    const history = Array.from({ length: 400 }, (_, i) => ({ at: '2026-01-05T09:00:00.000Z', by: analyst, action: 'worknote', changes: [], messageKey: `INC-7:key-${i}` }));
    const full = newTicket({ history });
    const r = workNote(full, { body: 'one more' }, ctx());
    expect(r.ok ? [] : r.errors.map((e) => e.code)).toEqual(['history_full']);
  });
});
