import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupFor, keyOf, personFor } from './generate';
import { LocalTimeConverter, parseLocalDateTime } from './local-time';
import { mappingFromJson, SERVICENOW_EVENTS } from './mapping';
import { QUIRK } from './quirks';
import { importText } from './testing';
import { weeksToEndBefore } from './week-shift';

const SAMPLE = readFileSync(resolve(import.meta.dirname, '../../../data/servicenow-sample/incidents-sample.csv'), 'utf8');
const lines = SAMPLE.trimEnd().split('\n');
const header = lines[0]!;

describe('local times of the export to instants in a zone', () => {
  const london = new LocalTimeConverter('Europe/London', 'dmy');

  it('reads d/m/yyyy H:MM without zero padding, refusing dates that do not exist', () => {
    expect(parseLocalDateTime('29/2/2016 1:16', 'dmy')).toEqual({ year: 2016, month: 2, day: 29, hour: 1, minute: 16 });
    expect(parseLocalDateTime('29/2/2017 01:16', 'dmy')).toBeNull();
    expect(parseLocalDateTime('31/4/2016 10:00', 'dmy')).toBeNull();
    expect(parseLocalDateTime('1/3/2016 24:00', 'dmy')).toBeNull();
    expect(parseLocalDateTime('2016-03-01 10:00', 'ymd')).toEqual({ year: 2016, month: 3, day: 1, hour: 10, minute: 0 });
  });

  it('takes GMT in winter and BST in summer', () => {
    expect(london.convert('29/2/2016 01:16')).toEqual({ iso: '2016-02-29T01:16:00Z', adjustment: null });
    expect(london.convert('10/5/2016 22:09')).toEqual({ iso: '2016-05-10T21:09:00Z', adjustment: null });
  });

  it('moves a time in the spring gap forward by the gap: 01:30 on 27 March 2016 is 02:30 BST', () => {
    expect(london.convert('27/3/2016 01:30')).toEqual({ iso: '2016-03-27T01:30:00Z', adjustment: 'dstGap' });
    expect(london.convert('27/3/2016 00:59')?.iso).toBe('2016-03-27T00:59:00Z');
    expect(london.convert('27/3/2016 02:00')).toEqual({ iso: '2016-03-27T01:00:00Z', adjustment: null });
  });

  it('takes the first occurrence of a time the autumn change repeats: 01:30 on 30 October 2016 is 01:30 BST', () => {
    expect(london.convert('30/10/2016 01:30')).toEqual({ iso: '2016-10-30T00:30:00Z', adjustment: 'dstOverlap' });
    expect(london.convert('30/10/2016 02:00')).toEqual({ iso: '2016-10-30T02:00:00Z', adjustment: null });
  });

  it('uses the configured zone, not the process zone', () => {
    expect(new LocalTimeConverter('America/New_York', 'dmy').convert('29/2/2016 01:16')?.iso).toBe('2016-02-29T06:16:00Z');
  });

  it('moves times by whole weeks of local wall-clock time, keeping the weekday and the local hour across DST', () => {
    // Wednesday 9 March 2016 15:00 GMT, 17 weeks on: Wednesday 6 July 2016 15:00 BST.
    expect(new LocalTimeConverter('Europe/London', 'dmy', 17).convert('9/3/2016 15:00')?.iso).toBe('2016-07-06T14:00:00Z');
  });

  it('finds the whole weeks that end the demo slice in the last week before today', () => {
    const now = Date.parse('2026-12-03T17:00:00Z'); // a Thursday
    const weeks = weeksToEndBefore('9/3/2016 15:00', 'dmy', 'Europe/London', now);
    const shifted = Date.parse(new LocalTimeConverter('Europe/London', 'dmy', weeks).convert('9/3/2016 15:00')!.iso);
    expect(now - shifted).toBeGreaterThan(0);
    expect(now - shifted).toBeLessThanOrEqual(7 * 86_400_000);
    expect(new Date(shifted).getUTCDay()).toBe(3); // still a Wednesday
    // On a Wednesday before 15:00 the cut-off must fall a week earlier, not later today.
    const wedMorning = Date.parse('2026-12-02T09:00:00Z');
    const w2 = weeksToEndBefore('9/3/2016 15:00', 'dmy', 'Europe/London', wedMorning);
    expect(Date.parse(new LocalTimeConverter('Europe/London', 'dmy', w2).convert('9/3/2016 15:00')!.iso)).toBeLessThan(wedMorning);
  });
});

describe('people, groups and services generated from pseudonyms', () => {
  it('gives the same pseudonym the same person, Entra-style object id and UPN every time', () => {
    const a = personFor('Caller 2403', true);
    expect(personFor('Caller 2403', true)).toEqual(a);
    expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.upn).toMatch(/\.caller2403@servicedesk\.example$/);
    expect(personFor('Caller 2404', true).id).not.toBe(a.id);
    expect(groupFor('Group 56')).toEqual(groupFor('Group 56'));
    expect(groupFor('Group 56').key).toBe('group-56');
    expect(groupFor('Network Team')).toMatchObject({ key: 'network-team', name: 'Network Team' });
    expect(keyOf('Opened by  8')).toBe('opened-by-8');
  });

  it('collects people in the roles the log shows: resolvers are analysts in the groups they worked in', () => {
    const { reference } = importText(SAMPLE);
    const ref = reference.reference();
    const resolver = ref.people.find((p) => p.source === 'Resolver 167')!;
    expect(resolver.roles).toEqual(['Analyst']);
    // ServiceNow kept assigned_to while the incident went round four groups: the person counts as working in each.
    expect([...resolver.groups].sort()).toEqual(['Group 28', 'Group 56', 'Group 65', 'Group 70'].map((g) => groupFor(g).entraGroupId).sort());
    expect(ref.people.find((p) => p.source === 'Caller 2403')!.roles).toEqual([]);
    expect(ref.people.filter((p) => p.roles.includes('ServiceOwner'))).toHaveLength(3);
    expect(ref.services.find((s) => s.key === 'category-55')!.defaultGroupKey).toBe('group-56');
    expect(new Set(ref.people.map((p) => p.upn)).size).toBe(ref.people.length);
  });
});

describe('bad rows are reported with their line number while the rest imports', () => {
  it('reports each bad row and imports everything else', () => {
    const rows = lines.slice(1);
    const broken = [
      rows[0]!.replace('29/2/2016 01:16', '31/2/2016 01:16'), // line 2: a date that does not exist
      ...rows.slice(1, 3),
      rows[3]!.replace('2 - Medium', 'very high'), // line 5: impact not 1 to 3
      ...rows.slice(4, 10),
      'INC-24919,New,true,0,0,0,true,Caller 1,Opened by 1,1/3/2016 10:00,?,?,Updated by 1,1/3/2016 10:00' + ',?'.repeat(22), // line 12
      'INC0099999,New,true', // line 13: too few fields
      ...rows.slice(10),
    ];
    const result = importText([header, ...broken].join('\n'));
    expect(result.problems.map((p) => [p.line, p.number, p.reason])).toEqual([
      [2, 'INC0000045', 'opened_at "31/2/2016 01:16" is not a date and time'],
      [5, 'INC0000045', 'impact "very high" is not 1, 2 or 3'],
      [12, 'INC-24919', 'number "INC-24919" has the product\'s own INC-<id> form, which imports may not use'],
      [13, 'INC0099999', 'has 3 fields where the header has 36'],
    ]);
    expect(result.tickets.size).toBe(10);
    expect(result.pass.quirks.get(QUIRK.badRow)).toBe(4);
    // INC0000045 still imports from its two good rows (both Resolved): resolved at 08:53, not closed.
    expect(result.tickets.get('INC0000045')!.ticket).toMatchObject({ state: 'Resolved', resolvedAt: '2016-02-29T08:53:00Z', closedAt: null });
  });
});

describe('a mapping file lets another export import without code changes', () => {
  it('reads renamed columns and states', () => {
    const mapped = mappingFromJson({
      columns: { number: 'Ticket', state: 'Status', assignee: 'Owner' },
      states: { 'In Progress': 'InProgress', 'Waiting on Customer': { state: 'OnHold', holdReason: 'AwaitingCaller' } },
      sourceSystem: 'OtherDesk',
    });
    expect(mapped.ok).toBe(true);
    if (!mapped.ok) return;
    const renamed = [header.replace(/^number,incident_state,/, 'Ticket,Status,').replace(',assigned_to,', ',Owner,'),
      ...lines.slice(1).map((l) => l.replace(',Active,', ',In Progress,').replace(',Awaiting User Info,', ',Waiting on Customer,'))].join('\n');
    const original = importText(SAMPLE);
    const result = importText(renamed, { mapping: mapped.mapping });
    expect(result.problems).toEqual([]);
    expect(result.tickets.get('INC0001068')!.ticket.history).toEqual(original.tickets.get('INC0001068')!.ticket.history);
    expect(result.tickets.get('INC0001068')!.sourceSystem).toBe('OtherDesk');
  });

  it('names every problem in a bad mapping file', () => {
    const bad = mappingFromJson({ extends: 'servicenow-events', columns: { number: null, nonsense: 'x' }, states: { Foo: 'Bar' }, dateOrder: 'dm' });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems).toEqual([
      'columns."number" is required and cannot be null.',
      expect.stringContaining('columns."nonsense" is not a field the import reads'),
      'states."Foo": state must be one of New, InProgress, OnHold, Resolved, Closed, Cancelled',
      '"dateOrder" must be dmy, mdy or ymd.',
    ]);
  });

  it('leaves rows after a cut-off out, so tickets open at that time stay open', () => {
    const result = importText(SAMPLE, { cutoffLocal: '9/3/2016 15:00' });
    expect(result.tickets.get('INC0001068')!.ticket).toMatchObject({ state: 'Resolved', closedAt: null });
    expect(result.tickets.get('INC0001287')!.ticket.state).toBe('InProgress');
    expect(result.tickets.has('INC0028089')).toBe(false); // opened in May
    expect(result.pass.quirks.get(QUIRK.openedAfterCutoff)).toBe(1);
    expect(SERVICENOW_EVENTS.states['Awaiting Problem']).toEqual({ state: 'OnHold', holdReason: 'AwaitingProblem' });
  });
});

describe('reference data comes only from accepted rows of imported incidents', () => {
  // A new user's file: INC9000002's only row has an impossible opened_at, and names a group nobody should ever see.
  const row = (number: string, openedAt: string, group: string, caller: string, mod = 0, updatedAt = openedAt) =>
    `${number},New,true,0,0,${mod},true,${caller},Opened by  8,${openedAt},Created by 6,${openedAt},Updated by 21,${updatedAt},Phone,Location 143,` +
    `Category 55,Subcategory 170,Symptom 72,?,2 - Medium,2 - Medium,3 - Moderate,${group},?,true,false,Do Not Notify,?,?,?,?,code 5,?,?,?`;
  const rows = [
    row('INC9000001', '1/3/2016 10:00', 'Group 56', 'Caller 1'),
    row('INC9000002', '30/2/2016 10:00', '<script>alert(5)</script>', 'Caller 666'),
    row('INC9000003', '2/3/2016 10:00', 'Group 57', 'Caller 3'),
  ];

  it('leaves out the group, people and category of a rejected row, and keeps those of the accepted ones', () => {
    const result = importText([header, ...rows].join('\n'));
    expect(result.problems).toEqual([{ line: 3, number: 'INC9000002', reason: 'opened_at "30/2/2016 10:00" is not a date and time' }]);
    expect([...result.tickets.keys()]).toEqual(['INC9000001', 'INC9000003']);
    const ref = result.reference.reference();
    expect(ref.groups.map((g) => [g.key, g.name, g.source])).toEqual([['group-56', 'Infrastructure 56', 'Group 56'], ['group-57', 'Cyber Security 57', 'Group 57']]);
    expect(ref.people.map((p) => p.source).filter((s) => s.startsWith('Caller'))).toEqual(['Caller 1', 'Caller 3']);
    expect(ref.services.map((s) => [s.source, s.defaultGroupKey])).toEqual([['Category 55', 'group-56']]);
    // The tickets hold the subcategory's key as their category: the import creates that category, under its service.
    expect(ref.categories.map((c) => [c.source, c.key, c.serviceKey])).toEqual([['Subcategory 170', 'subcategory-170', 'category-55']]);
    expect(ref.categories[0]!.name).toMatch(/^[A-Za-z ]+ 170$/);
    expect(result.tickets.get('INC9000001')!.ticket.categoryId).toBe(ref.categories[0]!.key);
  });

  it('leaves out what only rows after the cut-off, or incidents opened after it, name', () => {
    const text = [
      header, ...rows,
      row('INC9000003', '2/3/2016 10:00', 'Group 59', 'Caller 3', 1, '2/3/2016 18:00'), // updated after the cut-off
      row('INC9000004', '3/3/2016 10:00', 'Group 58', 'Caller 4'), // opened after the cut-off
    ].join('\n');
    const result = importText(text, { cutoffLocal: '2/3/2016 12:00' });
    expect([...result.tickets.keys()]).toEqual(['INC9000001', 'INC9000003']);
    expect(result.tickets.get('INC9000003')!.ticket.assignedGroupId).toBe('group-57');
    const ref = result.reference.reference();
    expect(ref.groups.map((g) => g.source)).toEqual(['Group 56', 'Group 57']);
    expect(ref.people.map((p) => p.source).filter((s) => s.startsWith('Caller'))).toEqual(['Caller 1', 'Caller 3']);
  });
});
