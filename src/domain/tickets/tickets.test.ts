import { describe, expect, it } from 'vitest';
import { createIncident } from './create-incident';
import { diffTickets, withHistory } from './history';
import { DEFAULT_PRIORITY_MATRIX, derivePriority, validatePriorityMatrix } from './priority';
import { canTransition, incidentStateMachine, isOpenState } from './state-machine';
import type { PersonRef } from './types';

const ann: PersonRef = { id: 'oid-ann', upn: "ann.o'brien@example.org", name: "Ann O'Brien" };
const raj: PersonRef = { id: 'oid-raj', upn: 'raj@example.org', name: 'Raj Patel' };
const base = { number: 'INC-1', now: '2026-01-05T09:00:00.000Z', actor: ann, actorRole: 'Requester' as const, requester: ann, matrix: DEFAULT_PRIORITY_MATRIX, assignedGroupId: 'g-desk' };

describe('priority matrix', () => {
  it('derives the default 3x3 ITIL priorities', () => {
    expect(derivePriority(DEFAULT_PRIORITY_MATRIX, 1, 1)).toBe(1);
    expect(derivePriority(DEFAULT_PRIORITY_MATRIX, 1, 3)).toBe(3);
    expect(derivePriority(DEFAULT_PRIORITY_MATRIX, 2, 2)).toBe(3);
    expect(derivePriority(DEFAULT_PRIORITY_MATRIX, 3, 2)).toBe(4);
    expect(derivePriority(DEFAULT_PRIORITY_MATRIX, 3, 3)).toBe(5);
  });
  it('uses an edited matrix', () => {
    const edited = [[1, 1, 2], [2, 3, 4], [3, 4, 5]] as const;
    expect(validatePriorityMatrix(edited)).toEqual([]);
    expect(derivePriority(edited, 1, 2)).toBe(1);
  });
  it('refuses a matrix with a bad cell, a wrong shape or an inverted order, saying where', () => {
    expect(validatePriorityMatrix([[1, 2, 3], [2, 3, 4]])).toEqual(['The matrix must have 3 rows (impact 1 to 3).']);
    expect(validatePriorityMatrix([[1, 2, 9], [2, 3, 4], [3, 4, 5]])).toEqual(['Impact 1, urgency 3: 9 is not a priority from 1 to 5.']);
    expect(validatePriorityMatrix([[3, 2, 3], [2, 3, 4], [3, 4, 5]])).toEqual([
      'Impact 1, urgency 2 is more urgent than the higher urgency beside it.',
      'Impact 2, urgency 1 is more urgent than the higher impact above it.',
    ]);
  });
});

describe('incident state machine', () => {
  it('lets analysts take, hold and resolve, and requesters reopen and confirm', () => {
    expect(canTransition(incidentStateMachine, 'New', 'InProgress', 'Analyst')).toBe(true);
    expect(canTransition(incidentStateMachine, 'New', 'InProgress', 'Requester')).toBe(false);
    expect(canTransition(incidentStateMachine, 'OnHold', 'InProgress', 'Requester')).toBe(true);
    expect(canTransition(incidentStateMachine, 'Resolved', 'InProgress', 'Requester')).toBe(true);
    expect(canTransition(incidentStateMachine, 'Resolved', 'Closed', 'Requester')).toBe(true);
    expect(canTransition(incidentStateMachine, 'Resolved', 'Closed', 'Analyst')).toBe(false);
    expect(canTransition(incidentStateMachine, 'Resolved', 'Closed', 'System')).toBe(true);
  });
  it('allows reopening only from Resolved and nothing out of Closed or Cancelled', () => {
    expect(canTransition(incidentStateMachine, 'Closed', 'InProgress', 'Requester')).toBe(false);
    expect(canTransition(incidentStateMachine, 'Closed', 'InProgress', 'Admin')).toBe(false);
    expect(incidentStateMachine.transitions.filter((t) => t.from === 'Closed' || t.from === 'Cancelled')).toEqual([]);
  });
  it('keeps only states that need work from the group open: Resolved waits for the caller', () => {
    expect(isOpenState(incidentStateMachine, 'OnHold')).toBe(true);
    expect(isOpenState(incidentStateMachine, 'Resolved')).toBe(false);
    expect(isOpenState(incidentStateMachine, 'Closed')).toBe(false);
    expect(isOpenState(incidentStateMachine, 'Cancelled')).toBe(false);
  });
});

describe('createIncident', () => {
  it('creates a New incident with a derived priority and a first history entry', () => {
    const r = createIncident({ title: "  Can't print 🖨️ ", description: '<script>alert(1)</script>', impact: 2, urgency: 1 }, base);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const t = r.value;
    expect(t.title).toBe("Can't print 🖨️");
    expect(t.description).toBe('<script>alert(1)</script>');
    expect(t.state).toBe('New');
    expect(t.priority).toBe(2);
    expect(t.assignedGroupId).toBe('g-desk');
    expect(t.contactChannel).toBe('Teams');
    expect(t.history).toHaveLength(1);
    expect(t.history[0]).toMatchObject({ at: base.now, by: ann, byRole: 'Requester', action: 'create' });
    expect(t.history[0]!.changes).toContainEqual({ field: 'state', from: null, to: 'New' });
    expect(t.history[0]!.changes).toContainEqual({ field: 'priority', from: null, to: 2 });
  });
  it('lists every problem with the field it belongs to', () => {
    const r = createIncident({ title: ' ', description: 5, impact: 0, urgency: '1', contactChannel: 'Fax' }, base);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field)).toEqual(['title', 'description', 'impact', 'urgency', 'contactChannel']);
  });
  it('refuses a title over 255 characters and says how long it was', () => {
    const r = createIncident({ title: 'x'.repeat(256), impact: 3, urgency: 3 }, base);
    expect(r.ok ? [] : r.errors).toEqual([{ code: 'validation', field: 'title', message: 'The title is 256 characters; the limit is 255.' }]);
  });
  it('lets an analyst log a call for a caller, and refuses a requester doing so', () => {
    const logged = createIncident({ title: 'Phone call', impact: 3, urgency: 3, contactChannel: 'Phone' }, { ...base, actor: raj, actorRole: 'Analyst' });
    expect(logged.ok && logged.value.requester.id === ann.id && logged.value.openedBy.id === raj.id).toBe(true);
    const refused = createIncident({ title: 'For Raj', impact: 3, urgency: 3 }, { ...base, requester: raj });
    expect(refused.ok ? [] : refused.errors.map((e) => e.code)).toEqual(['role_not_allowed']);
  });
});

describe('history', () => {
  it('records who, when, and each tracked field from and to', () => {
    const created = createIncident({ title: 'VPN down', impact: 1, urgency: 1 }, base);
    if (!created.ok) throw new Error('setup');
    const taken = withHistory(created.value, { ...created.value, state: 'InProgress', assignee: raj }, {
      at: '2026-01-05T09:05:00.000Z', by: raj, byRole: 'Analyst', action: 'take',
    });
    expect(taken.history).toHaveLength(2);
    expect(taken.updatedAt).toBe('2026-01-05T09:05:00.000Z');
    expect(taken.history[1]).toEqual({
      at: '2026-01-05T09:05:00.000Z', by: raj, byRole: 'Analyst', action: 'take',
      changes: [{ field: 'state', from: 'New', to: 'InProgress' }, { field: 'assignee', from: null, to: 'oid-raj' }],
    });
    expect(diffTickets(taken, taken)).toEqual([]);
  });
});
