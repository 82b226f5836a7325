import { describe, expect, it } from 'vitest';
import { DEFAULT_PRIORITY_MATRIX } from '../priority';
import { analyst, caller, codes, ctx, newTicket, value } from './fixtures.test-support';
import { createFollowUp, linkFollowUp } from './follow-up';

const closed = () => newTicket({ state: 'Closed', impact: 1, urgency: 2, priority: 2, assignee: analyst, closedAt: '2026-01-04T10:00:00.000Z' });

describe('follow-up from a reply to a closed ticket', () => {
  it('raises a New ticket for the same caller, service and group, linked both ways', () => {
    const c = { ...ctx('Requester'), number: 'NEW-fu-key-1', matrix: DEFAULT_PRIORITY_MATRIX };
    const fu = value(createFollowUp(closed(), { body: "It's broken again 😩" }, c));
    expect(fu).toMatchObject({
      number: 'NEW-fu-key-1', state: 'New', title: "Follow-up to INC-7: Can't print 🖨️", description: "It's broken again 😩",
      impact: 1, urgency: 2, priority: 2, serviceId: 'printing', assignedGroupId: 'service-desk', assignee: null,
      requester: caller, openedBy: caller, followUpOf: 'INC-7',
    });
    expect(fu.history).toHaveLength(1);
    expect(fu.history[0]).toMatchObject({ action: 'create', byRole: 'Requester', linkedNumber: 'INC-7' });
    const linked = value(linkFollowUp(closed(), 'INC-99', ctx('Requester'))).ticket;
    expect(linked.history.at(-1)).toMatchObject({ action: 'followUp', linkedNumber: 'INC-99', changes: [] });
    expect(value(linkFollowUp(linked, 'INC-99', ctx('Requester'))).ticket).toBe(linked);
  });
  it('cuts a long title on a code point boundary', () => {
    const long = newTicket({ state: 'Closed', title: `${'x'.repeat(230)}🔥🔥🔥🔥🔥` });
    const fu = value(createFollowUp(long, { body: 'again' }, { ...ctx('Requester'), number: 'NEW-k', matrix: DEFAULT_PRIORITY_MATRIX }));
    expect(fu.title.length).toBeLessThanOrEqual(255);
    expect(fu.title.endsWith('🔥…')).toBe(true);
  });
  it('refuses a ticket that is not closed and an empty reply', () => {
    const c = { ...ctx('Requester'), number: 'NEW-k', matrix: DEFAULT_PRIORITY_MATRIX };
    expect(codes(createFollowUp(newTicket(), { body: 'x' }, c))).toEqual(['transition_not_allowed']);
    expect(codes(createFollowUp(closed(), { body: '' }, c))).toEqual(['validation']);
  });
});
