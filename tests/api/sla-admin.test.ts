// Issue 6 admin routes: calendars and closure days (date-only through the store), bank holidays from the gov.uk
// file, SLA policy versions and OLA drafts, each refusal naming its field; versions are only added, and a new one
// never changes clocks that started under an earlier one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { field } from '../../src/data/odata';
import { call } from '../support/embedded-server';
import type { SlaWorld } from '../support/sla-world';
import { CALENDAR_E, admin, hours, must, raiseNow, startSlaWorld, targets } from '../support/sla-world';

let s: SlaWorld;
const as = (who: keyof SlaWorld['world']['tokens'], path: string, init: { method?: string; body?: unknown } = {}) => call(s.world.origin, path, { token: s.world.tokens[who], ...init });
const fields = (answer: { body: any }) => answer.body.error.details.map((d: any) => d.field);
const clocksOf = async (number: string) => (await must(admin(s, `/api/tickets/${number}/clocks`), 200)).clocks as any[];

beforeAll(async () => {
  s = await startSlaWorld('2025-03-03 09:00');
  await must(admin(s, '/api/admin/calendars/e', { method: 'PUT', body: CALENDAR_E }), 201);
});
afterAll(async () => {
  await s?.stop();
});

describe('calendars and closure days', () => {
  it('seeds office hours (D) and 24x7, and names every bad field', async () => {
    const listed = (await must(as('caller', '/api/admin/calendars'), 200)).items;
    expect(listed.map((c: any) => [c.key, c.holidaySet, c.holidayCoverage])).toEqual([
      ['office-hours', 'england-and-wales', { fromYear: 2016, toYear: 2030 }],
      ['24x7', null, null],
      ['e', null, null],
    ]);
    const bad = await admin(s, '/api/admin/calendars/Bad_Key', { method: 'PUT', body: { name: '', timeZone: 'Mars/Olympus', weeklyHours: { 1: [{ start: '09:00' }], 8: [] }, holidaySet: 'scotland' } });
    expect([bad.status, fields(bad)]).toEqual([400, ['key', 'name', 'timeZone', 'weeklyHours.1[0]', 'weeklyHours.8', 'holidaySet']]);
    const overlap = await admin(s, '/api/admin/calendars/lunch', { method: 'PUT', body: { ...CALENDAR_E, weeklyHours: { 1: [{ start: '09:00', end: '13:00' }, { start: '12:00', end: '17:00' }], 2: [{ start: '18:00', end: '09:00' }] } } });
    expect([overlap.status, fields(overlap)]).toEqual([400, ['weeklyHours.1', 'weeklyHours.2[0]']]);
    expect((await as('desk', '/api/admin/calendars/e', { method: 'PUT', body: CALENDAR_E })).status).toBe(403);
  });

  it('keeps a closure day as SharePoint does on a Europe/London site and reads it back as the date', async () => {
    await must(admin(s, '/api/admin/calendars/office-hours/closure-days/2025-07-01', { method: 'PUT', body: { title: 'Office move' } }), 201);
    await must(admin(s, '/api/admin/calendars/office-hours/closure-days/2025-01-15', { method: 'PUT', body: { title: 'Staff day' } }), 201);
    const page = await s.layer.gateway.queryItems(s.layer.listIds.closureDays, { filter: field('CalendarKey').eq('office-hours'), top: 10 });
    expect(page.items.map((i) => [i.fields['Title'], i.fields['ClosureDate']])).toEqual([
      ['Office move', '2025-06-30T23:00:00Z'],
      ['Staff day', '2025-01-15T00:00:00Z'],
    ]);
    const office = (await must(admin(s, '/api/admin/calendars'), 200)).items.find((c: any) => c.key === 'office-hours');
    expect(office.closureDays).toEqual([{ date: '2025-01-15', title: 'Staff day' }, { date: '2025-07-01', title: 'Office move' }]);
    const bad = await admin(s, '/api/admin/calendars/office-hours/closure-days/2025-02-30', { method: 'PUT', body: { title: '' } });
    expect([bad.status, fields(bad)]).toEqual([400, ['date', 'title']]);
    expect((await admin(s, '/api/admin/calendars/office-hours/closure-days/2025-01-15', { method: 'DELETE' })).status).toBe(204);
    expect((await admin(s, '/api/admin/calendars/office-hours/closure-days/2025-01-15', { method: 'DELETE' })).status).toBe(404);
  });

  it('a closure day is not a working day for the clocks', async () => {
    await must(admin(s, '/api/admin/calendars/office-hours/closure-days/2025-03-07', { method: 'PUT', body: { title: 'Staff conference' } }), 201);
    s.at('2025-03-06 16:00');
    const number = await raiseNow(s, { serviceId: 'vpn', impact: 1, urgency: 2 });
    // P2 on the standard policy: 8 business hours; Friday 7 March is closed, so 1 hour Thursday then 7 on Monday.
    const resolution = (await clocksOf(number)).find((c) => c.id === 'sla:resolution');
    expect(resolution.dueAt).toBe('2025-03-10T16:00:00.000Z');
  });
});

describe('bank holidays', () => {
  const feed = (events: unknown[]) => ({ 'england-and-wales': { division: 'england-and-wales', events }, scotland: { division: 'scotland', events: [] } });

  it('merges the gov.uk file into the built-in years, and names the bad event', async () => {
    const bad = await admin(s, '/api/admin/bank-holidays/england-and-wales', { body: { feed: feed([{ title: 'New Year', date: '2026-13-01', notes: '', bunting: true }]) } });
    expect([bad.status, fields(bad)]).toEqual([400, ['feed.england-and-wales.events[0].date']]);
    const events = [
      { title: "New Year's Day", date: '2026-01-01', notes: '', bunting: true },
      { title: 'Good Friday', date: '2026-04-03', notes: '', bunting: false },
      { title: 'Extra bank holiday', date: '2026-06-15', notes: 'One-off', bunting: true },
    ];
    const merged = await must(admin(s, '/api/admin/bank-holidays/england-and-wales', { body: feed(events) }), 200);
    expect([merged.source, merged.fromYear, merged.toYear]).toEqual(['gov.uk', 2016, 2030]);
    expect(merged.days.filter((d: any) => d.date.startsWith('2026'))).toEqual([
      { date: '2026-01-01', title: "New Year's Day" },
      { date: '2026-04-03', title: 'Good Friday' },
      { date: '2026-06-15', title: 'Extra bank holiday (one-off)' },
    ]);
    expect(merged.days.some((d: any) => d.date === '2025-12-25')).toBe(true);
    expect((await as('owner', '/api/admin/bank-holidays/england-and-wales', { body: feed(events) })).status).toBe(403);
  });
});

describe('SLA policies', () => {
  const body = (over: Record<string, unknown> = {}) => ({ name: 'Printing', serviceId: 'printing', calendarKey: 'e', targets: targets({ response: hours(4), resolution: hours(8) }), ...over });

  it('names every bad field of a version', async () => {
    const bad = await admin(s, '/api/admin/sla-policies/printing/versions', {
      body: {
        name: '', serviceId: 'nope', calendarKey: 'moon', effectiveFrom: '2025-02-01T00:00:00Z',
        targets: { ...targets({ response: hours(4), resolution: hours(8) }), 3: { response: { unit: 'fortnights', value: 1 }, resolution: hours(8) }, 5: 'soon' },
        warningThresholds: 'often',
      },
    });
    expect([bad.status, fields(bad)]).toEqual([400, ['name', 'calendarKey', 'effectiveFrom', 'targets.5', 'warningThresholds', 'serviceId']]);
    const domain = await admin(s, '/api/admin/sla-policies/printing/versions', { body: body({ targets: targets({ response: hours(4), resolution: { unit: 'businessDays', value: 1.5 } }, { 2: { response: null, resolution: hours(2) } }) }) });
    expect([domain.status, fields(domain)]).toEqual([400, ['targets.response', 'targets.1.resolution', 'targets.3.resolution', 'targets.4.resolution', 'targets.5.resolution']]);
  });

  it('only adds versions, and a new one never changes clocks that started under the last', async () => {
    s.at('2025-03-10 09:00');
    const v1 = await must(admin(s, '/api/admin/sla-policies/printing/versions', { body: body() }), 201);
    expect([v1.key, v1.version, v1.effectiveFrom]).toEqual(['printing', 1, '2025-03-10T09:00:00Z']);
    s.at('2025-03-11 09:00');
    const lastMonth = await raiseNow(s);
    s.at('2025-04-14 09:00');
    const v2 = await must(admin(s, '/api/admin/sla-policies/printing/versions', { body: body({ targets: targets({ response: hours(1), resolution: hours(2) }) }) }), 201);
    expect(v2.version).toBe(2);
    const versions = (await must(as('caller', '/api/admin/sla-policies'), 200)).items.filter((p: any) => p.key === 'printing');
    expect(versions.map((p: any) => [p.version, p.targets['1'].resolution.value])).toEqual([[1, 480], [2, 120]]);
    const old = (await clocksOf(lastMonth)).find((c) => c.id === 'sla:resolution');
    expect([old.policyVersion, old.targetMs]).toEqual([1, 8 * 3_600_000]);
    s.at('2025-04-14 10:00');
    const fresh = (await clocksOf(await raiseNow(s))).find((c) => c.id === 'sla:resolution');
    expect([fresh.policyVersion, fresh.targetMs]).toEqual([2, 2 * 3_600_000]);
    expect((await admin(s, '/api/admin/sla-policies/printing/versions/1', { method: 'PUT', body: body() })).status).toBe(404);
  });

  it('keeps auto-close days between 1 and 60', async () => {
    const bad = await admin(s, '/api/admin/sla-settings', { method: 'PUT', body: { autoCloseBusinessDays: 0 } });
    expect([bad.status, fields(bad)]).toEqual([400, ['autoCloseBusinessDays']]);
    expect((await must(admin(s, '/api/admin/sla-settings', { method: 'PUT', body: { autoCloseBusinessDays: 3 } }), 200)).autoCloseBusinessDays).toBe(3);
    expect((await must(as('caller', '/api/admin/sla-settings'), 200)).autoCloseBusinessDays).toBe(3);
    await must(admin(s, '/api/admin/sla-settings', { method: 'PUT', body: { autoCloseBusinessDays: 5 } }), 200);
  });
});

describe('OLA agreements', () => {
  const body = (over: Record<string, unknown> = {}) => ({ name: 'Service desk OLA', groupKey: 'desk', calendarKey: 'e', targets: targets({ response: hours(1), resolution: hours(4) }), ...over });

  it('lets a service owner draft for their services\' groups only, and counts nothing until an admin approves', async () => {
    s.at('2025-05-05 09:00');
    expect((await as('otherOwner', '/api/admin/ola-agreements/desk-ola/versions', { body: body() })).status).toBe(403);
    expect((await as('desk', '/api/admin/ola-agreements/desk-ola/versions', { body: body() })).status).toBe(403);
    expect((await as('owner', '/api/admin/ola-agreements/desk-ola/versions', { body: body({ publish: true }) })).status).toBe(403);
    const draft = await must(as('owner', '/api/admin/ola-agreements/desk-ola/versions', { body: body({ note: 'Agreed with the desk lead' }) }), 201);
    expect([draft.status, draft.version, draft.draftedByName, draft.approvedAt]).toEqual(['Draft', 1, 'Olu Owner', null]);
    s.at('2025-05-05 10:00');
    const before = await raiseNow(s);
    expect((await must(admin(s, `/api/tickets/${before}/clocks`), 200)).groupsWithoutAgreement).toEqual(['desk']);
    expect((await as('owner', '/api/admin/ola-agreements/desk-ola/versions/1/approve', { body: {} })).status).toBe(403);
    // The draft said "from 09:00", an hour ago: approving it would reach back over clocks that already ran.
    const late = await admin(s, '/api/admin/ola-agreements/desk-ola/versions/1/approve', { body: {} });
    expect([late.status, fields(late)]).toEqual([400, ['effectiveFrom']]);
  });

  it('approves a draft once, only the newest, and a later version leaves earlier stints alone', async () => {
    s.at('2025-05-06 09:00');
    await must(as('owner', '/api/admin/ola-agreements/desk-ola/versions', { body: body({ effectiveFrom: '2025-05-06T09:00:00Z' }) }), 201);
    const approved = await must(admin(s, '/api/admin/ola-agreements/desk-ola/versions/2/approve', { body: {} }), 200);
    expect([approved.status, approved.approvedByName]).toEqual(['Approved', 'Ada Admin']);
    expect((await admin(s, '/api/admin/ola-agreements/desk-ola/versions/2/approve', { body: {} })).status).toBe(409);
    expect((await admin(s, '/api/admin/ola-agreements/desk-ola/versions/1/approve', { body: {} })).status).toBe(409);
    s.at('2025-05-06 10:00');
    const earlier = await raiseNow(s);
    s.at('2025-06-02 09:00');
    await must(admin(s, '/api/admin/ola-agreements/desk-ola/versions', { body: body({ publish: true, targets: targets({ response: hours(2), resolution: hours(16) }) }) }), 201);
    const stint = (await clocksOf(earlier)).find((c) => c.id.startsWith('ola:desk@') && c.kind === 'resolution');
    expect([stint.policyKey, stint.policyVersion, stint.targetMs]).toEqual(['desk-ola', 2, 4 * 3_600_000]);
    const listed = (await must(as('net', '/api/admin/ola-agreements'), 200)).items.filter((a: any) => a.key === 'desk-ola');
    expect(listed.map((a: any) => [a.version, a.status])).toEqual([[1, 'Draft'], [2, 'Approved'], [3, 'Approved']]);
    expect((await as('caller', '/api/admin/ola-agreements')).status).toBe(403);
  });

  it('refuses a note over 4,000 units (it was cut to 4,000 silently) and control or direction characters, storing nothing', async () => {
    const count = async () => (await must(admin(s, '/api/admin/ola-agreements'), 200)).items.length;
    const before = await count();
    const long = await admin(s, '/api/admin/ola-agreements/desk-ola/versions', { body: body({ note: 'n'.repeat(4_001) }) });
    expect([long.status, long.body.error.details]).toEqual([400, [{ field: 'note', message: 'The note is 4001 characters; the limit is 4000.' }]]);
    const nul = await admin(s, '/api/admin/ola-agreements/desk-ola/versions', { body: body({ note: 'Agreed\u0000' }) });
    expect([nul.status, nul.body.error.code, fields(nul)]).toEqual([400, 'invalid_character', ['note']]);
    const rlo = await admin(s, '/api/admin/ola-agreements/desk-ola/versions', { body: body({ name: 'Desk \u202eALO' }) });
    expect([rlo.status, rlo.body.error.details]).toEqual([
      400,
      [{ field: 'name', message: 'The name contains an invisible text-direction control, U+202E (right-to-left override), at character 6; it can make text read backwards, so remove it.' }],
    ]);
    const closure = await admin(s, '/api/admin/calendars/office-hours/closure-days/2025-12-24', { method: 'PUT', body: { title: 'Staff\u0007 day' } });
    expect([closure.status, closure.body.error.details]).toEqual([400, [{ field: 'title', message: 'The title contains a control character, U+0007 (BEL), at character 6; remove it.' }]]);
    expect(await count()).toBe(before);
  });
});
