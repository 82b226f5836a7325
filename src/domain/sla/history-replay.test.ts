import { describe, expect, it } from 'vitest';
import { replayHistory } from './history-replay';
import { HistoryBuilder } from './testing';

const T0 = Date.parse('2025-01-13T09:00:00Z');
const person = { id: 'p', upn: 'p@x', name: 'P' };

describe('replayHistory', () => {
  it('turns field changes into snapshots and flags when a person was assigned', () => {
    const r = replayHistory(new HistoryBuilder(T0, { priority: 3, group: 'G1', serviceId: 'svc' }).take(T0 + 60_000, 'p-7').subject());
    expect(r.openedAt).toBe(T0);
    expect(r.steps.map((s) => [s.action, s.after.state, s.after.groupId, s.after.assigneeId, s.after.priority, s.after.serviceId, s.assigneeSet])).toEqual([
      ['create', 'New', 'G1', null, 3, 'svc', false],
      ['take', 'InProgress', 'G1', 'p-7', 3, 'svc', true],
    ]);
  });

  it('reads priorities written as text, maps unknown hold reasons to AwaitingOther, and clamps entries before opening', () => {
    const subject = {
      openedAt: '2025-01-13T09:00:00Z',
      state: 'OnHold' as const,
      holdReason: null,
      priority: 4 as const,
      serviceId: null,
      assignedGroupId: null,
      assignee: null,
      history: [
        { at: '2025-01-13T08:59:59Z', by: person, action: 'import', changes: [{ field: 'priority', from: null, to: '2' }] },
        { at: '2025-01-13T10:00:00Z', by: person, action: 'hold', changes: [{ field: 'state', from: 'New', to: 'OnHold' }, { field: 'holdReason', from: null, to: 'Lunch' }] },
      ],
    };
    const r = replayHistory(subject);
    expect(r.initial).toMatchObject({ state: 'New', priority: 4 });
    expect(r.steps.map((s) => [s.at - T0, s.after.priority, s.after.state, s.after.holdReason])).toEqual([
      [0, 2, 'New', null],
      [3_600_000, 2, 'OnHold', 'AwaitingOther'],
    ]);
  });

  it('counts the create entry stamped within the second after opened-at (the list keeps seconds) as the opening', () => {
    const subject = {
      openedAt: '2025-01-13T09:00:07Z',
      state: 'New' as const,
      holdReason: null,
      priority: 1 as const,
      serviceId: 'category-19',
      assignedGroupId: 'G1',
      assignee: null,
      history: [
        { at: '2025-01-13T09:00:07.654Z', by: person, action: 'create', changes: [{ field: 'serviceId', from: null, to: 'category-19' }, { field: 'assignedGroupId', from: null, to: 'G1' }] },
        { at: '2025-01-13T09:00:07.900Z', by: person, action: 'take', changes: [{ field: 'assignee', from: null, to: 'p-7' }] },
      ],
    };
    const r = replayHistory(subject);
    const opened = Date.parse(subject.openedAt);
    expect(r.steps.map((s) => [s.action, s.at - opened, s.after.serviceId])).toEqual([
      ['create', 0, 'category-19'],
      ['take', 900, 'category-19'],
    ]);
  });
});
