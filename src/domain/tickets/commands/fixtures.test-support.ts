// Shared fixtures for the command tests (not a test file itself).
import { createIncident } from '../create-incident';
import { DEFAULT_PRIORITY_MATRIX } from '../priority';
import type { ActorRole, PersonRef, Ticket } from '../types';
import type { CommandContext } from './context';

export const caller: PersonRef = { id: 'oid-ann', upn: "ann.o'brien@example.org", name: "Ann O'Brien" };
export const analyst: PersonRef = { id: 'oid-raj', upn: 'raj@example.org', name: 'Raj Patel' };
export const colleague: PersonRef = { id: 'oid-mei', upn: 'mei@example.org', name: 'Mei Chen' };

export const T0 = '2026-01-05T09:00:00.000Z';

export function newTicket(overrides: Partial<Ticket> = {}): Ticket {
  const r = createIncident(
    { title: "Can't print 🖨️", description: '<script>alert(1)</script>', impact: 2, urgency: 2, serviceId: 'printing' },
    { number: 'INC-7', now: T0, actor: caller, actorRole: 'Requester', requester: caller, matrix: DEFAULT_PRIORITY_MATRIX, assignedGroupId: 'service-desk' },
  );
  if (!r.ok) throw new Error('fixture');
  return { ...r.value, ...overrides };
}

let n = 0;
export function ctx(role: ActorRole = 'Analyst', actor: PersonRef = role === 'Requester' ? caller : analyst, at = '2026-01-05T10:00:00.000Z'): CommandContext {
  n += 1;
  return { now: at, actor, actorRole: role, commandKey: `key-${String(n).padStart(4, '0')}` };
}

/** Unwraps a result for a test that expects success. */
export function value<T>(r: { ok: true; value: T } | { ok: false; errors: readonly { message: string }[] }): T {
  if (!r.ok) throw new Error(`expected success, got: ${r.errors.map((e) => e.message).join(' | ')}`);
  return r.value;
}

export function codes(r: { ok: boolean; errors?: readonly { code: string }[] }): string[] {
  return r.ok ? [] : (r.errors ?? []).map((e) => e.code);
}
