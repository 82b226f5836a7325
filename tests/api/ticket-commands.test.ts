import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { World } from '../support/api-world';
import { act, adminView, newKey, people, raise, startWorld } from '../support/api-world';
import { call } from '../support/embedded-server';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.server.stop();
});

const view = async (who: keyof World['tokens'], number: string) => (await call(world.origin, `/api/tickets/${number}`, { token: world.tokens[who] })).body;
const ok = (answer: { status: number; body: any }) => {
  if (answer.status >= 300) throw new Error(`${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
};

describe('a ticket from raise to confirm, as caller and analyst see it', () => {
  it('takes, asks the caller, resumes on their reply, resolves, reopens, resolves and closes with a rating', async () => {
    const title = "Can't print O'Brien's report 🖨️";
    const number = await raise(world, world.tokens.caller, { title, description: '<script>window.hacked = 1</script>', impact: 2, urgency: 2 });
    expect(ok(await act(world, world.tokens.desk, number, 'take')).ticket).toMatchObject({ state: 'InProgress', assigneeName: "Dara O'Brien" });
    ok(await act(world, world.tokens.desk, number, 'hold', { reason: 'AwaitingCaller', note: 'Which floor is the printer on?' }));

    const waiting = await view('caller', number);
    expect(waiting.ticket).toMatchObject({ state: 'OnHold', holdReason: 'AwaitingCaller', title, description: '<script>window.hacked = 1</script>' });
    expect(waiting.messages.map((m: any) => [m.kind, m.authorName, m.body])).toEqual([['Reply', "Dara O'Brien", 'Which floor is the printer on?']]);
    expect(waiting.allowedActions).toEqual(['resume', 'reply']);

    const replied = ok(await act(world, world.tokens.caller, number, 'reply', { body: 'Floor 3, by the kitchen 🍵' }, { etag: waiting.etag }));
    expect(replied.ticket).toMatchObject({ state: 'InProgress', holdReason: null });
    expect(replied.history.at(-1)).toMatchObject({ action: 'reply', byRole: 'Requester', changes: [{ field: 'state', from: 'OnHold', to: 'InProgress' }, { field: 'holdReason', from: 'AwaitingCaller', to: null }] });

    ok(await act(world, world.tokens.desk, number, 'resolve', { resolutionCode: 'Fixed', note: 'Replaced the fuser unit.' }));
    const resolved = await view('caller', number);
    expect(resolved.ticket).toMatchObject({ state: 'Resolved', resolutionCode: 'Fixed', resolutionNote: 'Replaced the fuser unit.' });
    expect(resolved.allowedActions).toEqual(['confirm', 'reopen', 'reply']);

    ok(await act(world, world.tokens.caller, number, 'reopen', { note: 'Still jams on page 2' }));
    ok(await act(world, world.tokens.desk, number, 'resolve', { resolutionCode: 'Workaround', note: 'Use tray 2 until the part arrives.' }));
    const closed = ok(await act(world, world.tokens.caller, number, 'confirm', { rating: 4, comment: 'Quick, thanks <b>team</b>' }));
    expect(closed.ticket).toMatchObject({ state: 'Closed', satisfaction: { rating: 4, comment: 'Quick, thanks <b>team</b>' } });
    expect(closed.ticket.closedAt).toEqual(expect.any(String));

    const all = await adminView(world, number);
    expect(all.history.map((e: any) => `${e.action}:${e.byRole}`)).toEqual([
      'create:Requester', 'take:Analyst', 'hold:Analyst', 'reply:Requester', 'resolve:Analyst', 'reopen:Requester', 'resolve:Analyst', 'confirm:Requester',
    ]);
    expect(all.messages.map((m: any) => m.body)).toEqual(['Which floor is the printer on?', 'Floor 3, by the kitchen 🍵', 'Still jams on page 2']);
    const again = await act(world, world.tokens.caller, number, 'confirm', { rating: 5 });
    expect([again.status, again.body.error.code]).toEqual([409, 'transition_not_allowed']);
  });

  it('refuses a requester resuming a ticket that waits for a supplier, and lets the analyst', async () => {
    const number = await raise(world, world.tokens.caller);
    ok(await act(world, world.tokens.desk, number, 'hold', { reason: 'AwaitingSupplier' }));
    const refused = await act(world, world.tokens.caller, number, 'resume');
    expect([refused.status, refused.body.error.message]).toEqual([403, `${number} is waiting for a supplier, not for you.`]);
    expect(ok(await act(world, world.tokens.desk, number, 'resume')).ticket.state).toBe('InProgress');
  });
});

describe('work notes and hand-overs', () => {
  it('never shows the caller a work note or a hand-over note, by the ticket or its history', async () => {
    const number = await raise(world, world.tokens.caller);
    ok(await act(world, world.tokens.desk, number, 'take'));
    ok(await act(world, world.tokens.desk, number, 'worknote', { body: "Internal: suspect the driver <script>alert('x')</script> 🕵️" }));
    const handed = ok(await act(world, world.tokens.desk, number, 'handover', { groupKey: 'net', note: 'Network printer: over to Networks' }));
    expect(handed.ticket).toMatchObject({ assignedGroupId: 'net', assigneeId: null, state: 'InProgress' });

    const asCaller = await view('caller', number);
    expect(asCaller.history.map((e: any) => e.action)).toEqual(['create', 'take', 'handover']);
    expect(asCaller.history[2]).not.toHaveProperty('messageKey');
    expect(asCaller.messages).toEqual([]);
    expect(JSON.stringify(asCaller)).not.toMatch(/Internal|over to Networks/);

    const asNet = await view('net', number);
    expect(asNet.messages.map((m: any) => [m.kind, m.body])).toEqual([
      ['WorkNote', "Internal: suspect the driver <script>alert('x')</script> 🕵️"],
      ['WorkNote', 'Network printer: over to Networks'],
    ]);
    expect(asNet.allowedActions).toContain('take');
    const deskNow = await view('desk', number);
    expect(deskNow.allowedActions).toEqual(['worknote']);
    const owner = await view('owner', number);
    expect([owner.ticket.number, owner.messages, owner.allowedActions]).toEqual([number, [], []]);
    expect(owner.history.map((e: any) => e.action)).toEqual(['create', 'take', 'handover']);
  });

  it('refuses a hand-over without a note or to an unknown group, saying which field', async () => {
    const number = await raise(world, world.tokens.caller);
    const noNote = await act(world, world.tokens.desk, number, 'handover', { groupKey: 'net', note: '  ' });
    expect([noNote.status, noNote.body.error.details]).toEqual([400, [{ field: 'note', message: 'A hand-over note is required.' }]]);
    const nowhere = await act(world, world.tokens.desk, number, 'handover', { groupKey: "o'hare", note: 'x' });
    expect(nowhere.body.error).toMatchObject({ code: 'validation', message: `There is no active support group with the key "o'hare".` });
    expect((await adminView(world, number)).history).toHaveLength(1);
  });
});

describe('priority, major incident and assignment', () => {
  it('re-derives priority from impact and urgency, one entry per level, with the note as a work note', async () => {
    const number = await raise(world, world.tokens.caller);
    const changed = ok(await act(world, world.tokens.desk, number, 'priority', { impact: 1, urgency: 2, note: 'Whole floor affected' }));
    expect(changed.ticket).toMatchObject({ impact: 1, urgency: 2, priority: 2 });
    expect(changed.history.slice(-2).map((e: any) => e.action)).toEqual(['changeImpact', 'changeUrgency']);
    expect(changed.messages.at(-1)).toMatchObject({ kind: 'WorkNote', body: 'Whole floor affected' });
    const urgent = ok(await act(world, world.tokens.desk, number, 'changeUrgency', { urgency: 1, note: 'Board meeting at ten' }));
    expect(urgent.ticket.priority).toBe(1);
    const major = ok(await act(world, world.tokens.desk, number, 'major', { isMajorIncident: true, note: 'Declared by the duty manager' }));
    expect(major.ticket.isMajorIncident).toBe(true);
    expect(ok(await act(world, world.tokens.desk, number, 'setMajor', { isMajor: false })).ticket.isMajorIncident).toBe(false);
    const asRequester = await act(world, world.tokens.caller, number, 'priority', { impact: 3, urgency: 3, note: 'mine' });
    expect(asRequester.status).toBe(403);
  });

  it('assigns to a person found in the directory, and refuses an unknown id', async () => {
    const number = await raise(world, world.tokens.caller);
    const assigned = ok(await act(world, world.tokens.desk, number, 'assign', { assigneeId: people.desk2.id }));
    expect(assigned.ticket).toMatchObject({ assigneeId: people.desk2.id, assigneeName: 'Mei Chen', state: 'New' });
    const unknown = await act(world, world.tokens.desk, number, 'assign', { assigneeId: 'no-such-person' });
    expect([unknown.status, unknown.body.error.message]).toEqual([400, 'No one in the directory has the id no-such-person.']);
    const mine = (await call(world.origin, '/api/queues/assigned-to-me', { token: world.tokens.desk2 })).body;
    expect(mine.items.map((t: any) => t.number)).toContain(number);
  });
});

describe('duplicates and follow-ups', () => {
  it('cancels a duplicate linking the original; replies to it are refused', async () => {
    const original = await raise(world, world.tokens.caller, { title: 'VPN down' });
    const copy = await raise(world, world.tokens.stranger, { title: 'VPN down again' });
    const unknown = await act(world, world.tokens.desk, copy, 'cancel', { duplicateOf: 'INC-999999' });
    expect(unknown.body.error.details).toEqual([{ field: 'duplicateOf', message: 'There is no ticket INC-999999.' }]);
    const cancelled = ok(await act(world, world.tokens.desk, copy, 'cancel', { duplicateOf: original, note: `Followed in ${original}` }));
    expect(cancelled.ticket).toMatchObject({ state: 'Cancelled', duplicateOf: original });
    const late = await act(world, world.tokens.stranger, copy, 'reply', { body: 'hello?' });
    expect([late.status, late.body.error.message]).toEqual([409, `${copy} was cancelled; follow ${original} instead.`]);
  });

  it("raises a linked follow-up when the caller replies to a closed ticket, once per key", async () => {
    const number = await raise(world, world.tokens.caller, { impact: 2, urgency: 1 });
    ok(await act(world, world.tokens.desk, number, 'resolve', { resolutionCode: 'Fixed', note: 'Done' }));
    ok(await act(world, world.tokens.caller, number, 'confirm', {}));
    const key = newKey();
    const first = await act(world, world.tokens.caller, number, 'reply', { body: "It's broken again 😩" }, { key });
    expect(first.status).toBe(201);
    expect(first.body.followUpOf).toBe(number);
    expect(first.body.ticket).toMatchObject({ state: 'New', followUpOf: number, description: "It's broken again 😩", priority: 2, assignedGroupId: 'desk', requesterId: people.caller.id });
    expect(first.body.ticket.number).not.toBe(number);
    const retry = await act(world, world.tokens.caller, number, 'reply', { body: "It's broken again 😩" }, { key });
    expect([retry.status, retry.body.ticket.number]).toEqual([200, first.body.ticket.number]);
    const closed = await adminView(world, number);
    expect(closed.history.filter((e: any) => e.action === 'followUp')).toEqual([expect.objectContaining({ linkedNumber: first.body.ticket.number })]);
    expect(closed.ticket.state).toBe('Closed');
  });
});

describe('retries and half-finished commands', () => {
  it('answers a retried reply with the first result: one message, one entry, even with the old version', async () => {
    const number = await raise(world, world.tokens.caller);
    const before = await view('caller', number);
    const key = newKey();
    const first = await act(world, world.tokens.caller, number, 'reply', { body: 'Any news?' }, { etag: before.etag, key });
    const again = await act(world, world.tokens.caller, number, 'reply', { body: 'Any news?' }, { etag: before.etag, key });
    expect([first.status, again.status, again.headers.get('idempotent-replayed')]).toEqual([200, 200, 'true']);
    const after = await adminView(world, number);
    expect(after.messages.map((m: any) => m.body)).toEqual(['Any news?']);
    expect(after.history.map((e: any) => e.action)).toEqual(['create', 'reply']);
    const stolen = await act(world, world.tokens.desk, number, 'worknote', { body: 'x' }, { key });
    expect([stolen.status, stolen.body.error.code]).toEqual([409, 'idempotency_key_reused']);
  });

  it('never shows a message no history entry references (a command interrupted after its first write)', async () => {
    const number = await raise(world, world.tokens.caller);
    world.server.store.data.insertItems('Ticket Messages', [{
      Title: `Reply on ${number}`, TicketNumber: number, MessageKey: `${number}:interrupted-1`, Kind: 'Reply', AuthorId: people.desk.id,
      AuthorRole: 'Analyst', Body: 'half-written', CreatedAt: '2026-01-01T00:00:00Z',
    }]);
    expect((await adminView(world, number)).messages).toEqual([]);
    expect((await view('caller', number)).messages).toEqual([]);
  });
});

describe('clear refusals', () => {
  it('needs a version, a known ticket, a known command, and bodies within limits', async () => {
    const number = await raise(world, world.tokens.caller);
    const bare = await call(world.origin, `/api/tickets/${number}/take`, { token: world.tokens.desk, body: {} });
    expect([bare.status, bare.body.error.code]).toEqual([428, 'precondition_required']);
    const garbage = await call(world.origin, `/api/tickets/${number}/take`, { token: world.tokens.desk, body: {}, headers: { 'if-match': '"abc"' } });
    expect([garbage.status, garbage.body.error.details[0].field]).toEqual([400, 'If-Match']);
    const missing = await act(world, world.tokens.desk, 'INC-424242', 'take', {}, { etag: '"1-AAAAAAAAAAAAAAAA"' });
    expect([missing.status, missing.body.error.message]).toEqual([404, 'There is no ticket INC-424242.']);
    const unknown = await act(world, world.tokens.desk, number, 'teleport');
    expect(unknown.status).toBe(404);
    const huge = await act(world, world.tokens.desk, number, 'worknote', { body: 'x'.repeat(20_001) });
    expect([huge.status, huge.body.error.message]).toEqual([400, 'The work note is 20001 characters; the limit is 20000.']);
    const viaBody = await call(world.origin, `/api/tickets/${number}/take`, { token: world.tokens.desk, body: { expectedVersion: (await adminView(world, number)).etag } });
    expect(viaBody.status).toBe(200);
    expect((await adminView(world, number)).history).toHaveLength(2);
  });
});

describe('logging a call and finding tickets', () => {
  it('lets an analyst log a call for a caller found in the directory, with the contact channel', async () => {
    const logged = await call(world.origin, '/api/incidents', { token: world.tokens.desk, body: { title: 'Phoned in: no dial tone', impact: 3, urgency: 2, serviceId: 'vpn', requesterId: people.caller.id, contactChannel: 'Phone' } });
    expect(logged.status).toBe(201);
    const detail = await view('caller', logged.body.ticket.number);
    expect(detail.ticket).toMatchObject({ requesterId: people.caller.id, openedById: people.desk.id, openedByName: "Dara O'Brien", contactChannel: 'Phone', assignedGroupId: 'net' });
    const mine = (await call(world.origin, '/api/my/tickets?status=open&pageSize=200', { token: world.tokens.caller })).body;
    expect(mine.items.map((t: any) => t.number)).toContain(logged.body.ticket.number);
    const asStaff = await call(world.origin, '/api/incidents', { token: world.tokens.stranger, body: { title: 'x', impact: 3, urgency: 3, requesterId: people.caller.id } });
    expect(asStaff.status).toBe(403);
    const nobody = await call(world.origin, '/api/incidents', { token: world.tokens.desk, body: { title: 'x', impact: 3, urgency: 3, requesterId: 'ghost' } });
    expect(nobody.body.error).toMatchObject({ code: 'validation', message: 'No one in the directory has the id ghost.' });
  });

  it('finds by number and by requester, pages my tickets newest first, and keeps them to their owner', async () => {
    const a = await raise(world, world.tokens.stranger, { title: 'first' });
    const b = await raise(world, world.tokens.stranger, { title: 'second' });
    const page1 = (await call(world.origin, '/api/my/tickets?pageSize=1', { token: world.tokens.stranger })).body;
    expect(page1.items.map((t: any) => t.number)).toEqual([b]);
    const page2 = (await call(world.origin, `/api/my/tickets?pageSize=1&cursor=${page1.nextCursor}`, { token: world.tokens.stranger })).body;
    expect(page2.items[0].number).not.toBe(b);
    const foreign = await call(world.origin, `/api/my/tickets?pageSize=1&cursor=${page1.nextCursor}`, { token: world.tokens.caller });
    expect(foreign.status).toBe(400);
    const byNumber = (await call(world.origin, `/api/tickets?number=${a}`, { token: world.tokens.net })).body;
    expect(byNumber.items.map((t: any) => t.title)).toEqual(['first']);
    expect((await call(world.origin, '/api/tickets?number=INC-0', { token: world.tokens.net })).body.items).toEqual([]);
    const byRequester = (await call(world.origin, `/api/tickets?requester=${people.stranger.id}&pageSize=200`, { token: world.tokens.net })).body;
    expect(byRequester.items.map((t: any) => t.number)).toEqual(expect.arrayContaining([a, b]));
    expect((await call(world.origin, `/api/tickets?requester=${people.stranger.id}`, { token: world.tokens.caller })).status).toBe(403);
    expect((await call(world.origin, `/api/tickets?number=${a}`, { token: world.tokens.caller })).status).toBe(403);
    const callers = (await call(world.origin, '/api/my/tickets?pageSize=200', { token: world.tokens.caller })).body;
    expect(callers.items.map((t: any) => t.number)).not.toContain(a);
  });
});
