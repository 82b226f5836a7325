import { describe, expect, it } from 'vitest';
import type { HistoryEntryDto, ReferenceDataResponse } from '../../../contracts/api';
import { referenceNames } from '../../components/reference-names';
import { describeChange, knownPeople } from './describe';

const reference: ReferenceDataResponse = {
  supportGroups: [{ key: 'group-73', name: 'Network Operations' }],
  services: [{ key: 'service-12', name: 'Email', defaultGroupKey: 'group-73' }],
  categories: [{ key: 'category-61', name: 'Mailbox full', serviceKey: 'service-12' }],
};

const entry = (over: Partial<HistoryEntryDto>): HistoryEntryDto => ({ at: '2025-01-14T09:00:00Z', byName: 'Ann Analyst', action: 'assign', changes: [], ...over });

describe('history lines', () => {
  const names = referenceNames(reference, new Map([['p-1', 'Jack Price']]));

  it('names groups, services and categories instead of showing their keys', () => {
    expect(describeChange({ field: 'assignedGroupId', from: null, to: 'group-73' }, names)).toBe('group from none to Network Operations');
    expect(describeChange({ field: 'serviceId', from: 'service-12', to: null }, names)).toBe('service from Email to none');
    expect(describeChange({ field: 'categoryId', from: null, to: 'category-61' }, names)).toBe('category from none to Mailbox full');
  });

  it('shows a key no record has (a deleted group) and says it is unknown', () => {
    expect(describeChange({ field: 'assignedGroupId', from: 'group-9', to: 'group-73' }, names)).toBe('group from group-9 (unknown group) to Network Operations');
    expect(describeChange({ field: 'categoryId', from: null, to: 'category-5' }, referenceNames({ ...reference, categories: undefined }, new Map()))).toBe(
      'category from none to category-5 (unknown category)',
    );
  });

  it('names the new assignee, or says the person is unknown', () => {
    expect(describeChange({ field: 'assignee', from: null, to: 'p-1' }, names)).toBe('assigned to Jack Price');
    expect(describeChange({ field: 'assignee', from: 'p-1', to: 'p-2' }, names)).toBe('assigned to p-2 (unknown person)');
    expect(describeChange({ field: 'assignee', from: 'p-1', to: null }, names)).toBe('unassigned');
  });

  it('shows the key alone while the reference data is still loading', () => {
    expect(describeChange({ field: 'assignedGroupId', from: null, to: 'group-73' }, referenceNames(null, new Map()))).toBe('group from none to group-73');
  });

  it('knows the people who took the ticket, its assignee and its requester by id', () => {
    const history = [
      entry({ action: 'take', byName: 'Siobhán O\'Neill', changes: [{ field: 'assignee', from: null, to: 'p-3' }] }),
      entry({ action: 'assign', byName: 'Ann Analyst', changes: [{ field: 'assignee', from: 'p-3', to: 'p-4' }] }),
    ];
    const people = knownPeople(history, { assigneeId: 'p-4', assigneeName: 'Jack Price', requesterId: 'p-5', requesterName: 'Rosa Requester' });
    expect([...people].sort()).toEqual([['p-3', 'Siobhán O\'Neill'], ['p-4', 'Jack Price'], ['p-5', 'Rosa Requester']]);
    const lines = history.map((h) => h.changes.map((c) => describeChange(c, referenceNames(reference, people))).join('; '));
    expect(lines).toEqual(['assigned to Siobhán O\'Neill', 'assigned to Jack Price']);
  });

  it('names an earlier assignee from the names the API looked up', () => {
    const history = [
      entry({ action: 'assign', byName: 'Ann Analyst', changes: [{ field: 'assignee', from: null, to: 'p-7' }] }),
      entry({ action: 'assign', byName: 'Ann Analyst', changes: [{ field: 'assignee', from: 'p-7', to: 'p-4' }] }),
    ];
    const people = knownPeople(history, { assigneeId: 'p-4', assigneeName: 'Jack Price', requesterId: 'p-5', requesterName: 'Rosa Requester' }, { 'p-7': "Dara O'Brien" });
    expect(history.map((h) => h.changes.map((c) => describeChange(c, referenceNames(reference, people))).join('; '))).toEqual(["assigned to Dara O'Brien", 'assigned to Jack Price']);
  });

  it('writes a resolution code as the label the analyst chose, not its key', () => {
    const names = referenceNames(reference, new Map());
    expect(describeChange({ field: 'resolutionCode', from: null, to: 'Fixed' }, names)).toBe('resolution code from none to Fixed permanently');
    expect(describeChange({ field: 'resolutionCode', from: 'Workaround', to: 'LegacyCode' }, names)).toBe('resolution code from Workaround given to LegacyCode');
  });
});
