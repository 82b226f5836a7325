import { describe, expect, it } from 'vitest';
import { cancelAsDuplicate } from './cancel';
import { confirm } from './confirm';
import { analyst, caller, codes, colleague, ctx, newTicket, value } from './fixtures.test-support';
import { hold } from './hold';
import { reopen } from './reopen';
import { resolve } from './resolve';
import { resume } from './resume';
import { reply, workNote } from './reply';

const working = () => newTicket({ state: 'InProgress', assignee: analyst });
const resolved = () => value(resolve(working(), { resolutionCode: 'Fixed', note: 'Replaced the fuser' }, ctx())).ticket;

describe('hold and resume', () => {
  it('holds with a reason and publishes the optional note as a public reply', () => {
    const { ticket, message } = value(hold(working(), { reason: 'AwaitingCaller', note: 'Which floor is the printer on?' }, ctx()));
    expect([ticket.state, ticket.holdReason]).toEqual(['OnHold', 'AwaitingCaller']);
    expect(message).toMatchObject({ kind: 'Reply', body: 'Which floor is the printer on?' });
    expect(value(hold(working(), { reason: 'AwaitingSupplier' }, ctx())).message).toBeNull();
  });
  it('refuses an unknown reason, holding twice, and requesters', () => {
    expect(codes(hold(working(), { reason: 'Lunch' }, ctx()))).toEqual(['validation']);
    expect(codes(hold(newTicket({ state: 'OnHold', holdReason: 'AwaitingOther' }), { reason: 'AwaitingCaller' }, ctx()))).toEqual(['transition_not_allowed']);
    expect(codes(hold(working(), { reason: 'AwaitingCaller' }, ctx('Requester')))).toEqual(['role_not_allowed']);
  });
  it('lets the caller resume only a ticket that waits for them', () => {
    const waiting = value(hold(working(), { reason: 'AwaitingCaller' }, ctx())).ticket;
    const resumed = value(resume(waiting, ctx('Requester'))).ticket;
    expect([resumed.state, resumed.holdReason]).toEqual(['InProgress', null]);
    expect(resumed.history.at(-1)).toMatchObject({ action: 'resume', byRole: 'Requester' });
    const supplier = value(hold(working(), { reason: 'AwaitingSupplier' }, ctx())).ticket;
    const refused = resume(supplier, ctx('Requester'));
    expect(refused.ok ? '' : refused.errors[0]!.message).toBe('INC-7 is waiting for a supplier, not for you.');
    expect(value(resume(supplier, ctx())).ticket.state).toBe('InProgress');
    expect(codes(resume(working(), ctx()))).toEqual(['transition_not_allowed']);
  });
});

describe('resolve, confirm and reopen', () => {
  it('resolves with a code and a note kept on the ticket, out of history', () => {
    const t = resolved();
    expect(t).toMatchObject({ state: 'Resolved', resolutionCode: 'Fixed', resolutionNote: 'Replaced the fuser', resolvedAt: '2026-01-05T10:00:00.000Z', holdReason: null });
    expect(JSON.stringify(t.history)).not.toContain('fuser');
  });
  it('refuses an unknown code and a missing note', () => {
    const r = resolve(working(), { resolutionCode: 'Magic', note: '' }, ctx());
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual(['resolutionCode', 'note']);
  });
  it('lets the caller confirm once with a rating and comment, closing the ticket', () => {
    const c = ctx('Requester', caller, '2026-01-06T08:00:00.000Z');
    const closed = value(confirm(resolved(), { rating: 5, comment: 'Thanks 🙏 <3' }, c)).ticket;
    expect(closed).toMatchObject({ state: 'Closed', closedAt: c.now, satisfaction: { rating: 5, comment: 'Thanks 🙏 <3', at: c.now } });
    expect(closed.history.at(-1)).toMatchObject({ action: 'confirm', byRole: 'Requester', changes: [{ field: 'state', from: 'Resolved', to: 'Closed' }] });
    expect(value(confirm(resolved(), {}, ctx('Requester'))).ticket.satisfaction).toEqual({ rating: null, comment: null, at: '2026-01-05T10:00:00.000Z' });
    expect(codes(confirm(closed, { rating: 4 }, ctx('Requester')))).toEqual(['transition_not_allowed', 'transition_not_allowed']);
  });
  it('refuses ratings outside 1-5, analysts confirming, and unresolved tickets', () => {
    for (const rating of [0, 6, 2.5, '5']) expect(codes(confirm(resolved(), { rating }, ctx('Requester')))).toEqual(['validation']);
    expect(codes(confirm(resolved(), {}, ctx('Analyst')))).toEqual(['role_not_allowed']);
    expect(codes(confirm(working(), {}, ctx('Requester')))).toEqual(['transition_not_allowed']);
  });
  it('reopens only from Resolved, with a public reason, clearing the resolution', () => {
    const { ticket, message } = value(reopen(resolved(), { note: "Still jams on page 2 — it's not fixed" }, ctx('Requester')));
    expect(ticket).toMatchObject({ state: 'InProgress', resolvedAt: null, resolutionCode: null, resolutionNote: null });
    expect(message).toMatchObject({ kind: 'Reply', authorRole: 'Requester' });
    expect(codes(reopen(resolved(), {}, ctx('Requester')))).toEqual(['validation']);
    const closed = value(confirm(resolved(), {}, ctx('Requester'))).ticket;
    expect(codes(reopen(closed, { note: 'again' }, ctx('Requester')))).toEqual(['transition_not_allowed']);
    expect(codes(reopen(working(), { note: 'x' }, ctx()))).toEqual(['transition_not_allowed']);
  });
});

describe('cancel as duplicate', () => {
  it('cancels and links the original', () => {
    const { ticket, message } = value(cancelAsDuplicate(working(), { duplicateOf: 'INC-3', note: 'Same printer as INC-3' }, { number: 'INC-3', state: 'InProgress' }, ctx()));
    expect(ticket).toMatchObject({ state: 'Cancelled', duplicateOf: 'INC-3', closedAt: '2026-01-05T10:00:00.000Z' });
    expect(ticket.history.at(-1)!.changes).toContainEqual({ field: 'duplicateOf', from: null, to: 'INC-3' });
    expect(message?.kind).toBe('Reply');
  });
  it('refuses a missing, unknown, self or cancelled original', () => {
    const field = (r: ReturnType<typeof cancelAsDuplicate>) => (r.ok ? '' : r.errors[0]!.message);
    expect(field(cancelAsDuplicate(working(), {}, null, ctx()))).toBe('Give the number of the ticket this one duplicates.');
    expect(field(cancelAsDuplicate(working(), { duplicateOf: "INC-9'" }, null, ctx()))).toBe("There is no ticket INC-9'.");
    expect(field(cancelAsDuplicate(working(), { duplicateOf: 'INC-7' }, { number: 'INC-7', state: 'InProgress' }, ctx()))).toBe('A ticket cannot duplicate itself.');
    expect(field(cancelAsDuplicate(working(), { duplicateOf: 'INC-2' }, { number: 'INC-2', state: 'Cancelled' }, ctx()))).toMatch(/itself cancelled/);
    expect(codes(cancelAsDuplicate(resolved(), { duplicateOf: 'INC-3' }, { number: 'INC-3', state: 'New' }, ctx()))).toEqual(['transition_not_allowed']);
  });
});

describe('replies and work notes', () => {
  it("publishes a reply; the caller's reply to a ticket waiting for them resumes it in the same entry", () => {
    const waiting = value(hold(working(), { reason: 'AwaitingCaller' }, ctx())).ticket;
    const c = ctx('Requester');
    const { ticket, message } = value(reply(waiting, { body: "It's on floor 3 <script>x()</script>" }, c));
    expect(message).toMatchObject({ key: `INC-7:${c.commandKey}`, kind: 'Reply', body: "It's on floor 3 <script>x()</script>" });
    expect(ticket.history.at(-1)).toEqual({
      at: c.now, by: caller, byRole: 'Requester', action: 'reply', messageKey: `INC-7:${c.commandKey}`,
      changes: [{ field: 'state', from: 'OnHold', to: 'InProgress' }, { field: 'holdReason', from: 'AwaitingCaller', to: null }],
    });
    expect(JSON.stringify(ticket.history)).not.toContain('floor 3');
  });
  it("an analyst's reply, or a reply while waiting for a supplier, leaves the state alone", () => {
    const supplier = value(hold(working(), { reason: 'AwaitingSupplier' }, ctx())).ticket;
    expect(value(reply(supplier, { body: 'Any news?' }, ctx('Requester'))).ticket.state).toBe('OnHold');
    const waiting = value(hold(working(), { reason: 'AwaitingCaller' }, ctx())).ticket;
    expect(value(reply(waiting, { body: 'Reminder' }, ctx())).ticket.state).toBe('OnHold');
  });
  it('refuses empty and huge bodies, service owners, and cancelled or closed tickets', () => {
    expect(codes(reply(working(), { body: ' \n ' }, ctx('Requester')))).toEqual(['validation']);
    expect(codes(reply(working(), { body: '😀'.repeat(10_001) }, ctx('Requester')))).toEqual(['validation']);
    expect(value(reply(working(), { body: '😀'.repeat(10_000) }, ctx('Requester'))).message!.body).toHaveLength(20_000);
    expect(codes(reply(working(), { body: 'hi' }, ctx('ServiceOwner')))).toEqual(['role_not_allowed']);
    const dup = reply(newTicket({ state: 'Cancelled', duplicateOf: 'INC-3' }), { body: 'hi' }, ctx('Requester'));
    expect(dup.ok ? '' : dup.errors[0]!.message).toBe('INC-7 was cancelled; follow INC-3 instead.');
    expect(codes(reply(newTicket({ state: 'Closed' }), { body: 'hi' }, ctx('Requester')))).toEqual(['transition_not_allowed']);
  });
  it('writes work notes for analysts on any state, never for requesters', () => {
    const { ticket, message } = value(workNote(newTicket({ state: 'Closed' }), { body: 'Root cause: toner' }, ctx('Analyst', colleague)));
    expect(message).toMatchObject({ kind: 'WorkNote', authorRole: 'Analyst', author: colleague });
    expect(ticket.history.at(-1)).toMatchObject({ action: 'worknote', changes: [] });
    expect(codes(workNote(working(), { body: 'sneaky' }, ctx('Requester')))).toEqual(['role_not_allowed']);
  });
});
