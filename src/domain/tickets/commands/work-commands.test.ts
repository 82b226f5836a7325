import { describe, expect, it } from 'vitest';
import { DEFAULT_PRIORITY_MATRIX } from '../priority';
import { assign } from './assign';
import { changeImpact, changeImpactAndUrgency, changeUrgency } from './change-priority';
import { analyst, caller, codes, colleague, ctx, newTicket, value } from './fixtures.test-support';
import { handover } from './handover';
import { setMajor } from './set-major';
import { take } from './take';

describe('take', () => {
  it('moves a New ticket to In progress with the analyst as assignee, in one entry', () => {
    const c = ctx();
    const { ticket, message } = value(take(newTicket(), c));
    expect(message).toBeNull();
    expect(ticket.state).toBe('InProgress');
    expect(ticket.assignee).toEqual(analyst);
    expect(ticket.history).toHaveLength(2);
    expect(ticket.history[1]).toEqual({
      at: c.now, by: analyst, byRole: 'Analyst', action: 'take', commandKey: c.commandKey,
      changes: [{ field: 'state', from: 'New', to: 'InProgress' }, { field: 'assignee', from: null, to: 'oid-raj' }],
    });
  });
  it('takes over a ticket someone else works without changing its state, and refuses taking it twice', () => {
    const mine = value(take(newTicket({ state: 'OnHold', holdReason: 'AwaitingSupplier', assignee: colleague }), ctx())).ticket;
    expect(mine.state).toBe('OnHold');
    expect(mine.history.at(-1)!.changes).toEqual([{ field: 'assignee', from: 'oid-mei', to: 'oid-raj' }]);
    const again = take(mine, ctx());
    expect(again.ok ? '' : again.errors[0]!.message).toBe('INC-7 is already assigned to you.');
  });
  it('refuses requesters, service owners and finished tickets', () => {
    expect(codes(take(newTicket(), ctx('Requester')))).toEqual(['role_not_allowed']);
    expect(codes(take(newTicket(), ctx('ServiceOwner')))).toEqual(['role_not_allowed']);
    const resolved = take(newTicket({ state: 'Resolved' }), ctx());
    expect(resolved.ok ? '' : resolved.errors[0]!.message).toBe('INC-7 is resolved: it cannot be taken.');
    expect(codes(take(newTicket({ state: 'Cancelled' }), ctx('Admin')))).toEqual(['transition_not_allowed']);
  });
});

describe('assign', () => {
  it('assigns to a person and leaves a New ticket New', () => {
    const t = value(assign(newTicket(), { assignee: colleague }, ctx())).ticket;
    expect(t.state).toBe('New');
    expect(t.assignee).toEqual(colleague);
    expect(t.history.at(-1)).toMatchObject({ action: 'assign', byRole: 'Analyst', changes: [{ field: 'assignee', from: null, to: 'oid-mei' }] });
  });
  it('refuses no person, the same person, requesters and closed tickets', () => {
    expect(codes(assign(newTicket(), { assignee: null }, ctx()))).toEqual(['validation']);
    expect(codes(assign(newTicket({ assignee: colleague }), { assignee: colleague }, ctx()))).toEqual(['validation']);
    expect(codes(assign(newTicket(), { assignee: colleague }, ctx('Requester')))).toEqual(['role_not_allowed']);
    expect(codes(assign(newTicket({ state: 'Closed' }), { assignee: colleague }, ctx()))).toEqual(['transition_not_allowed']);
  });
});

describe('handover', () => {
  it('moves the ticket to the other group, clears the assignee and publishes the note as a work note', () => {
    const c = ctx();
    const note = "Over to networks: VPN concentrator 'vpn-02' drops 🔌 <b>every hour</b>";
    const { ticket, message } = value(handover(newTicket({ state: 'InProgress', assignee: analyst }), { groupKey: 'networks', note: `  ${note} ` }, c));
    expect(ticket.assignedGroupId).toBe('networks');
    expect(ticket.assignee).toBeNull();
    expect(ticket.state).toBe('InProgress');
    expect(message).toEqual({ key: `INC-7:${c.commandKey}`, ticketNumber: 'INC-7', kind: 'WorkNote', author: analyst, authorRole: 'Analyst', body: note, createdAt: c.now });
    const entry = ticket.history.at(-1)!;
    expect(entry).toMatchObject({ action: 'handover', messageKey: `INC-7:${c.commandKey}` });
    expect(entry).not.toHaveProperty('note');
    expect(entry).not.toHaveProperty('commandKey');
    expect(entry.changes).toEqual([{ field: 'assignedGroupId', from: 'service-desk', to: 'networks' }, { field: 'assignee', from: 'oid-raj', to: null }]);
  });
  it('requires a note and another group, and says so for each field', () => {
    const r = handover(newTicket(), { groupKey: 'service-desk', note: '   ' }, ctx());
    expect(r.ok ? [] : r.errors.map((e) => [e.field, e.message])).toEqual([
      ['groupKey', 'INC-7 is already with that group.'],
      ['note', 'A hand-over note is required.'],
    ]);
    expect(codes(handover(newTicket(), { groupKey: 'networks', note: 'x'.repeat(20_001) }, ctx()))).toEqual(['validation']);
    expect(codes(handover(newTicket(), { groupKey: 'networks', note: 42 }, ctx()))).toEqual(['validation']);
  });
  it('needs an idempotency key because it publishes a message', () => {
    const r = handover(newTicket(), { groupKey: 'networks', note: 'n' }, { ...ctx(), commandKey: null });
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual(['commandKey']);
  });
});

describe('change impact or urgency', () => {
  it('re-derives the priority from the matrix and records both changes', () => {
    const { ticket, message } = value(changeImpact(newTicket(), { value: 1, note: 'Whole floor affected' }, ctx(), DEFAULT_PRIORITY_MATRIX));
    expect([ticket.impact, ticket.urgency, ticket.priority]).toEqual([1, 2, 2]);
    expect(ticket.history.at(-1)).toMatchObject({ action: 'changeImpact', changes: [{ field: 'impact', from: 2, to: 1 }, { field: 'priority', from: 3, to: 2 }] });
    expect(message?.kind).toBe('WorkNote');
    const edited = [[1, 1, 1], [1, 1, 1], [1, 1, 1]] as const;
    const urgent = value(changeUrgency(newTicket(), { value: 3, note: 'Can wait' }, ctx(), edited)).ticket;
    expect([urgent.urgency, urgent.priority]).toEqual([3, 1]);
    expect(urgent.history.at(-1)!.action).toBe('changeUrgency');
  });
  it('requires a note and a different level from 1 to 3', () => {
    expect(codes(changeImpact(newTicket(), { value: 1 }, ctx(), DEFAULT_PRIORITY_MATRIX))).toEqual(['validation']);
    expect(codes(changeImpact(newTicket(), { value: 2, note: 'same' }, ctx(), DEFAULT_PRIORITY_MATRIX))).toEqual(['validation']);
    expect(codes(changeUrgency(newTicket(), { value: '1', note: 'text' }, ctx(), DEFAULT_PRIORITY_MATRIX))).toEqual(['validation']);
    expect(codes(changeUrgency(newTicket(), { value: 1, note: 'n' }, ctx('Requester'), DEFAULT_PRIORITY_MATRIX))).toEqual(['role_not_allowed']);
  });
});

describe('major incident', () => {
  it('sets and clears the flag, with an optional work note', () => {
    const set = value(setMajor(newTicket(), { isMajor: true }, ctx()));
    expect(set.ticket.isMajorIncident).toBe(true);
    expect(set.message).toBeNull();
    const cleared = value(setMajor(set.ticket, { isMajor: false, note: 'Stood down' }, ctx('Admin')));
    expect(cleared.ticket.isMajorIncident).toBe(false);
    expect(cleared.message?.body).toBe('Stood down');
    expect(cleared.ticket.history.map((e) => e.action)).toEqual(['create', 'setMajor', 'setMajor']);
  });
  it('refuses a no-op and a non-boolean', () => {
    expect(codes(setMajor(newTicket(), { isMajor: false }, ctx()))).toEqual(['validation']);
    expect(codes(setMajor(newTicket(), { isMajor: 'yes' }, ctx()))).toEqual(['validation']);
    expect(caller.id).toBe('oid-ann');
  });
});

describe('impact and urgency from one form', () => {
  it('writes one entry per level that changed and publishes the note once', () => {
    const c = ctx();
    const { ticket, message } = value(changeImpactAndUrgency(newTicket(), { impact: 1, urgency: 1, note: 'Board meeting at 10' }, c, DEFAULT_PRIORITY_MATRIX));
    expect(ticket.priority).toBe(1);
    expect(ticket.history.slice(-2)).toEqual([
      expect.objectContaining({ action: 'changeImpact', messageKey: `INC-7:${c.commandKey}`, changes: [{ field: 'impact', from: 2, to: 1 }, { field: 'priority', from: 3, to: 2 }] }),
      expect.objectContaining({ action: 'changeUrgency', commandKey: c.commandKey, changes: [{ field: 'urgency', from: 2, to: 1 }, { field: 'priority', from: 2, to: 1 }] }),
    ]);
    expect(message?.body).toBe('Board meeting at 10');
  });
  it('changes only the level that differs, and refuses when neither does', () => {
    const t = value(changeImpactAndUrgency(newTicket(), { impact: 2, urgency: 3, note: 'Can wait' }, ctx(), DEFAULT_PRIORITY_MATRIX)).ticket;
    expect(t.history.map((e) => e.action)).toEqual(['create', 'changeUrgency']);
    expect(codes(changeImpactAndUrgency(newTicket(), { impact: 2, urgency: 2, note: 'x' }, ctx(), DEFAULT_PRIORITY_MATRIX))).toEqual(['validation']);
    expect(codes(changeImpactAndUrgency(newTicket(), { impact: 1, urgency: 9, note: 'x' }, ctx(), DEFAULT_PRIORITY_MATRIX))).toEqual(['validation']);
  });
});
