import { describe, expect, it } from 'vitest';
import { autoClose } from './auto-close';
import { codes, ctx, newTicket, value } from './fixtures.test-support';

const resolved = () => newTicket({ state: 'Resolved', resolvedAt: '2026-01-05T09:30:00.000Z' });
const system = { id: 'app-id', upn: 'app@apps.local', name: 'Service Desk (automatic)' };

describe('auto-close', () => {
  it('closes a resolved ticket as System once its time is up', () => {
    const closed = value(autoClose(resolved(), { dueAt: '2026-01-05T10:00:00.000Z' }, ctx('System', system))).ticket;
    expect([closed.state, closed.closedAt]).toEqual(['Closed', '2026-01-05T10:00:00.000Z']);
    expect(closed.history.at(-1)).toMatchObject({ action: 'close', byRole: 'System', changes: [{ field: 'state', from: 'Resolved', to: 'Closed' }] });
  });

  it('refuses early, for anyone but System, and for a ticket that is not resolved', () => {
    expect(codes(autoClose(resolved(), { dueAt: '2026-01-05T10:00:01.000Z' }, ctx('System', system)))).toEqual(['transition_not_allowed']);
    expect(codes(autoClose(resolved(), { dueAt: '2026-01-05T10:00:00.000Z' }, ctx('Analyst')))).toContain('role_not_allowed');
    expect(codes(autoClose(newTicket({ state: 'InProgress' }), { dueAt: '2026-01-05T10:00:00.000Z' }, ctx('System', system)))).toEqual(['transition_not_allowed']);
  });
});
