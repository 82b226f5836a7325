// Rebuilt histories of chosen incidents from the committed sample (data/servicenow-sample), checked entry by entry
// against values worked out by hand from the rows (see the sample's README for why each incident was picked).
// March 2016 before the 27th is GMT, so local times there equal UTC; later dates are BST (UTC+1).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { QUIRK, unknownStateQuirk } from './quirks';
import { brief, importText, sourceNames, type PassResult } from './testing';

const SAMPLE = readFileSync(resolve(import.meta.dirname, '../../../data/servicenow-sample/incidents-sample.csv'), 'utf8');
const NAMES = sourceNames([
  'Opened by 8', 'Opened by 62', 'Opened by 131', 'Opened by 180', 'Opened by 305', 'Opened by 316', 'Updated by 20', 'Updated by 241', 'Updated by 307',
  'Updated by 336', 'Updated by 340', 'Updated by 451', 'Updated by 495', 'Updated by 533', 'Updated by 642', 'Updated by 643',
  'Updated by 727', 'Updated by 746', 'Updated by 750', 'Updated by 755', 'Updated by 770', 'Updated by 777', 'Updated by 804',
  'Updated by 908', 'Updated by 914', 'Updated by 915', 'Resolved by 62', 'Resolved by 125', 'Resolved by 149', 'Resolved by 150',
  'Resolved by 175', 'Resolved by 180', 'Resolver 15', 'Resolver 69', 'Resolver 139', 'Resolver 167', 'Resolver 198',
]);
const CREATED = 'state=null>New, impact=null>2, urgency=null>2, priority=null>3, isMajorIncident=null>false';

let run: PassResult;
beforeAll(() => {
  run = importText(SAMPLE);
});

const history = (number: string): string[] => run.tickets.get(number)!.ticket.history.map((e) => brief(e, NAMES));

describe('rebuilt history, entry by entry', () => {
  it('INC0000045: resolved, a second Resolved row that changes nothing, closed by the previous tool', () => {
    expect(history('INC0000045')).toEqual([
      `2016-02-29T01:16:00Z create Analyst Opened by 8: ${CREATED}, assignedGroupId=null>group-56, serviceId=null>category-55, categoryId=null>subcategory-170`,
      '2016-02-29T08:53:00Z resolve Analyst Resolved by 149: state=New>Resolved, resolutionCode=null>code 5',
      '2016-03-05T12:00:00Z close System Updated by 908: state=Resolved>Closed',
    ]);
    const t = run.tickets.get('INC0000045')!;
    expect(t.ticket).toMatchObject({ state: 'Closed', resolvedAt: '2016-02-29T08:53:00Z', closedAt: '2016-03-05T12:00:00Z', priority: 3, contactChannel: 'Phone' });
    expect(t.previousToolMadeSla).toBe(true);
  });

  it('INC0000062: impact raised with the priority the old tool recorded, then a hand-over', () => {
    expect(history('INC0000062')).toEqual([
      `2016-02-29T06:58:00Z create Analyst Opened by 180: ${CREATED}, assignedGroupId=null>group-70, serviceId=null>category-53, categoryId=null>subcategory-168`,
      '2016-02-29T07:29:00Z changeImpact Analyst Updated by 340: impact=2>1, priority=3>2',
      '2016-02-29T07:34:00Z handover Analyst Updated by 340: assignedGroupId=group-70>group-23',
      '2016-02-29T15:51:00Z resolve Analyst Resolved by 62: state=New>Resolved, resolutionCode=null>code 7',
      '2016-03-05T16:00:00Z close System Updated by 908: state=Resolved>Closed',
    ]);
    expect(run.tickets.get('INC0000062')!.previousToolMadeSla).toBe(false);
  });

  it('INC0000130: rows out of order and timed before the opening are sorted by sys_mod_count and moved forward', () => {
    expect(history('INC0000130')).toEqual([
      `2016-02-29T09:41:00Z create Analyst Opened by 62: ${CREATED}, assignedGroupId=null>group-73, serviceId=null>category-61, categoryId=null>subcategory-164`,
      '2016-02-29T09:59:00Z handover Analyst Updated by 340: assignedGroupId=group-73>group-72',
      '2016-03-01T14:13:00Z handover Analyst Updated by 755: assignedGroupId=group-72>group-73, assignee=null>Resolver 198',
      '2016-03-01T14:13:00Z take Analyst Updated by 755: state=New>InProgress',
      '2016-03-03T10:16:00Z resolve Analyst Resolved by 180: state=InProgress>Resolved, resolutionCode=null>code 6',
      '2016-03-08T11:00:00Z close System Updated by 908: state=Resolved>Closed',
    ]);
  });

  it('INC0000649: a hand-over chain through four groups, recategorised, and three Closed rows closing once', () => {
    const handovers = [
      ['2016-03-02T02:31:00Z', '746', '70', '65'], ['2016-03-03T11:37:00Z', '770', '65', '56'], ['2016-03-04T16:04:00Z', '643', '56', '70'],
      ['2016-03-04T18:07:00Z', '727', '70', '28'], ['2016-03-11T08:27:00Z', '307', '28', '65'], ['2016-03-11T08:44:00Z', '20', '65', '56'],
      ['2016-03-11T12:04:00Z', '643', '56', '70'], ['2016-03-11T12:41:00Z', '915', '70', '65'], ['2016-03-11T14:43:00Z', '770', '65', '56'],
    ].map(([at, by, from, to]) => `${at} handover Analyst Updated by ${by}: assignedGroupId=group-${from}>group-${to}`);
    expect(history('INC0000649')).toEqual([
      '2016-03-01T11:35:00Z create Analyst Opened by 316: state=null>New, impact=null>3, urgency=null>3, priority=null>4, isMajorIncident=null>false, ' +
        'assignedGroupId=null>group-56, assignee=null>Resolver 167, serviceId=null>category-55, categoryId=null>subcategory-170',
      '2016-03-01T14:45:00Z handover Analyst Updated by 642: assignedGroupId=group-56>group-70',
      '2016-03-01T14:45:00Z import Analyst Updated by 642: serviceId=category-55>category-32, categoryId=subcategory-170>subcategory-9',
      ...handovers,
      '2016-03-11T14:48:00Z resolve Analyst Resolved by 150: state=New>Resolved, resolutionCode=null>code 6',
      '2016-03-24T18:50:00Z close System Updated by 908: state=Resolved>Closed',
    ]);
    // The export's closed_at (29/3/2016 14:20 BST) is the last Closed row; the ticket closed at the first.
    expect(run.tickets.get('INC0000649')!.ticket.closedAt).toBe('2016-03-24T18:50:00Z');
  });

  it('INC0001068: on hold awaiting the caller, resolved, reopened and resolved again', () => {
    expect(history('INC0001068')).toEqual([
      `2016-03-02T09:42:00Z create Analyst Opened by 180: ${CREATED}, assignedGroupId=null>group-70, assignee=null>Resolver 69, serviceId=null>category-26, categoryId=null>subcategory-175`,
      '2016-03-04T12:10:00Z handover Analyst Updated by 336: assignedGroupId=group-70>group-23',
      '2016-03-07T10:17:00Z hold Analyst Updated by 241: state=New>OnHold, holdReason=null>AwaitingCaller',
      '2016-03-09T14:01:00Z resolve Analyst Resolved by 62: state=OnHold>Resolved, holdReason=AwaitingCaller>null, resolutionCode=null>code 6',
      '2016-03-17T16:28:00Z reopen Analyst Updated by 241: state=Resolved>InProgress, resolutionCode=code 6>null',
      '2016-03-17T16:29:00Z resolve Analyst Resolved by 62: state=InProgress>Resolved, resolutionCode=null>code 6',
      '2016-03-24T18:59:00Z close System Updated by 908: state=Resolved>Closed',
    ]);
  });

  it('INC0001894: recategorised, closed, reopened after Closed (BST from 27 March) and closed again', () => {
    expect(history('INC0001894')).toEqual([
      `2016-03-03T12:34:00Z create Analyst Opened by 131: ${CREATED}, assignedGroupId=null>group-70, assignee=null>Resolver 139, serviceId=null>category-42, categoryId=null>subcategory-224`,
      '2016-03-04T14:06:00Z handover Analyst Updated by 451: assignedGroupId=group-70>group-10',
      '2016-03-08T14:34:00Z import Analyst Updated by 777: serviceId=category-42>category-45, categoryId=subcategory-224>subcategory-150',
      '2016-03-08T14:34:00Z take Analyst Updated by 777: state=New>InProgress',
      '2016-03-22T15:05:00Z resolve Analyst Resolved by 125: state=InProgress>Resolved, resolutionCode=null>code 2',
      '2016-03-27T14:59:00Z close System Updated by 908: state=Resolved>Closed',
      '2016-04-28T10:12:00Z reopen Analyst Updated by 914: state=Closed>InProgress, resolutionCode=code 2>null',
      '2016-05-16T06:51:00Z resolve Analyst Resolved by 125: state=InProgress>Resolved, resolutionCode=null>code 2',
      '2016-05-21T07:07:00Z close System Updated by 908: state=Resolved>Closed',
    ]);
  });

  it('INC0028089: the unknown state "-100" keeps the state it had; times in BST', () => {
    expect(history('INC0028089')).toEqual([
      `2016-05-10T21:09:00Z create Analyst Opened by 305: ${CREATED}, assignedGroupId=null>group-64, assignee=null>Resolver 15, serviceId=null>category-28, categoryId=null>subcategory-174`,
      '2016-06-16T11:03:00Z resolve Analyst Resolved by 175: state=New>Resolved, resolutionCode=null>code 7',
      '2016-06-21T12:07:00Z close System Updated by 908: state=Resolved>Closed',
    ]);
  });

  it('INC0001287: awaiting a vendor, then awaiting evidence: the hold reason changes while on hold', () => {
    const actions = run.tickets.get('INC0001287')!.ticket.history.map((e) => `${e.action}:${e.changes.map((c) => `${c.field}=${String(c.to)}`).join('+')}`);
    expect(actions.slice(1)).toEqual([
      'take:state=InProgress',
      'hold:state=OnHold+holdReason=AwaitingSupplier',
      'hold:holdReason=AwaitingCaller',
      'resolve:state=Resolved+holdReason=null+resolutionCode=code 6',
      'close:state=Closed',
    ]);
  });

  it('INC0001566: closed at 01:59 on 27 March 2016, a time London skipped: moved forward by the gap (02:59 BST)', () => {
    const t = run.tickets.get('INC0001566')!.ticket;
    expect(t.closedAt).toBe('2016-03-27T01:59:00Z');
    // No opened_by or created_by: the caller opened it.
    expect(t.history[0]).toMatchObject({ action: 'create', byRole: 'Requester', by: { id: t.requester.id } });
  });
});

describe('the summary of quirks over the sample', () => {
  it('counts each quirk the sample shows', () => {
    const q = run.pass.quirks;
    expect(run.tickets.size).toBe(10);
    expect(run.problems).toEqual([]);
    expect(q.get(unknownStateQuirk('-100'))).toBe(2);
    expect(q.get(QUIRK.outOfOrder)).toBe(1);
    expect(q.get(QUIRK.duplicateModCount)).toBe(1);
    expect(q.get(QUIRK.firstNotCreation)).toBe(1);
    expect(q.get(QUIRK.timeBeforeOpened)).toBe(1);
    expect(q.get(QUIRK.reopenedAfterClosed)).toBe(1);
    expect(q.get(QUIRK.repeatedClosed)).toBe(3); // INC0000358 once, INC0000649 twice
    expect(q.get(QUIRK.dstGap)).toBe(12); // every row of INC0001566 carries closed_at 27/3/2016 01:59
    expect(q.get(QUIRK.resolvedAtDiffers)).toBe(2); // INC0000045 (Resolved 08:53, resolved_at 11:29) and INC0028089
  });
});
