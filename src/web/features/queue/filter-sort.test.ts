import { describe, expect, it } from 'vitest';
import type { TicketSummaryDto } from '../../../contracts/api';
import { NO_FILTER, applyFilter, applySort, assigneesOf } from './filter-sort';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const t = (n: number, patch: Partial<TicketSummaryDto>): TicketSummaryDto => ({
  number: `INC-${n}`,
  type: 'Incident',
  title: `Ticket ${n}`,
  state: 'New',
  priority: 3,
  isMajorIncident: false,
  serviceId: 'email',
  assignedGroupId: 'service-desk',
  assigneeName: null,
  requesterName: 'Sam',
  openedAt: '2026-03-10T10:00:00Z',
  updatedAt: '2026-03-10T10:00:00Z',
  ...patch,
});

const items = [
  t(1, { priority: 2, assigneeName: 'Bea', openedAt: '2026-02-01T09:00:00Z' }),
  t(2, { state: 'OnHold', serviceId: 'network' }),
  t(10, { priority: 1, assigneeName: 'Al', openedAt: '2026-03-01T09:00:00Z' }),
  t(3, { priority: 2, state: 'InProgress' }),
];

describe('queue filters', () => {
  it('filters by state, priority, service, assignee and age', () => {
    expect(applyFilter(items, { ...NO_FILTER, state: 'OnHold' }, NOW).map((x) => x.number)).toEqual(['INC-2']);
    expect(applyFilter(items, { ...NO_FILTER, priority: '2' }, NOW).map((x) => x.number)).toEqual(['INC-1', 'INC-3']);
    expect(applyFilter(items, { ...NO_FILTER, service: 'network' }, NOW).map((x) => x.number)).toEqual(['INC-2']);
    expect(applyFilter(items, { ...NO_FILTER, assignee: 'unassigned' }, NOW).map((x) => x.number)).toEqual(['INC-2', 'INC-3']);
    expect(applyFilter(items, { ...NO_FILTER, assignee: 'Al' }, NOW).map((x) => x.number)).toEqual(['INC-10']);
    expect(applyFilter(items, { ...NO_FILTER, minAgeDays: '7' }, NOW).map((x) => x.number)).toEqual(['INC-1', 'INC-10']);
    expect(applyFilter(items, { ...NO_FILTER, minAgeDays: '30' }, NOW).map((x) => x.number)).toEqual(['INC-1']);
  });
});

describe('queue sorting', () => {
  it('sorts numbers numerically, both ways', () => {
    expect(applySort(items, { key: 'number', direction: 'ascending' }).map((x) => x.number)).toEqual(['INC-1', 'INC-2', 'INC-3', 'INC-10']);
    expect(applySort(items, { key: 'number', direction: 'descending' }).map((x) => x.number)).toEqual(['INC-10', 'INC-3', 'INC-2', 'INC-1']);
  });
  it('sorts by priority then opened, and by age oldest first', () => {
    expect(applySort(items, { key: 'priority', direction: 'ascending' }).map((x) => x.number)).toEqual(['INC-10', 'INC-1', 'INC-3', 'INC-2']);
    expect(applySort(items, { key: 'age', direction: 'ascending' }).map((x) => x.number)).toEqual(['INC-1', 'INC-10', 'INC-2', 'INC-3']);
  });
  it('lists assignees once, sorted', () => {
    expect(assigneesOf(items)).toEqual(['Al', 'Bea']);
  });
});
