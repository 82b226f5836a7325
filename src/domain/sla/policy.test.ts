import { describe, expect, it } from 'vitest';
import { holdPauses, selectOlaAgreement, selectSlaPolicy, validateClockPolicy } from './policy';
import { hours, olaAgreement, slaPolicy, targets } from './testing';
import type { TargetsByPriority } from './types';

const T = targets({ response: hours(1), resolution: hours(8) });
const at = (iso: string): number => Date.parse(iso);

describe('selecting the policy in force', () => {
  const general = slaPolicy('E', T, { id: 'general', effectiveFrom: '2025-01-01T00:00:00Z' });
  const general2 = { ...general, version: 2, effectiveFrom: '2025-06-01T00:00:00Z' };
  const email = slaPolicy('E', T, { id: 'email', serviceId: 'svc-email', effectiveFrom: '2025-03-01T00:00:00Z' });
  const all = [general, general2, email];

  it('takes the version effective when the clock started', () => {
    expect(selectSlaPolicy(all, null, at('2025-05-31T23:59:59Z'))?.version).toBe(1);
    expect(selectSlaPolicy(all, null, at('2025-06-01T00:00:00Z'))?.version).toBe(2);
    expect(selectSlaPolicy(all, null, at('2024-12-31T00:00:00Z'))).toBeNull();
  });

  it('prefers a policy for the ticket service over the general one, once it is effective', () => {
    expect(selectSlaPolicy(all, 'svc-email', at('2025-02-01T00:00:00Z'))?.id).toBe('general');
    expect(selectSlaPolicy(all, 'svc-email', at('2025-07-01T00:00:00Z'))?.id).toBe('email');
    expect(selectSlaPolicy(all, 'svc-other', at('2025-07-01T00:00:00Z'))?.id).toBe('general');
  });

  it('respects an end date', () => {
    const ended = { ...email, effectiveTo: '2025-04-01T00:00:00Z' };
    expect(selectSlaPolicy([general, ended], 'svc-email', at('2025-04-01T00:00:00Z'))?.id).toBe('general');
  });

  it('selects OLA agreements by group and date', () => {
    const a = olaAgreement('G1', 'E', T, { effectiveFrom: '2025-01-01T00:00:00Z' });
    const b = { ...a, version: 2, effectiveFrom: '2025-02-01T00:00:00Z' };
    expect(selectOlaAgreement([a, b], 'G1', at('2025-01-15T00:00:00Z'))?.version).toBe(1);
    expect(selectOlaAgreement([a, b], 'G1', at('2025-02-15T00:00:00Z'))?.version).toBe(2);
    expect(selectOlaAgreement([a, b], 'G2', at('2025-02-15T00:00:00Z'))).toBeNull();
  });
});

describe('hold pause rules', () => {
  it('by default every reason pauses both clocks', () => {
    const p = slaPolicy('E', T);
    expect(holdPauses(p, 'response', 'AwaitingSupplier')).toBe(true);
    expect(holdPauses(p, 'resolution', null)).toBe(true);
  });

  it('follows the listed reasons per clock, and treats a missing reason as AwaitingOther', () => {
    const p = slaPolicy('E', T, { pausedBy: { resolution: ['AwaitingCaller', 'AwaitingOther'], response: [] } });
    expect(holdPauses(p, 'resolution', 'AwaitingCaller')).toBe(true);
    expect(holdPauses(p, 'resolution', 'AwaitingSupplier')).toBe(false);
    expect(holdPauses(p, 'resolution', null)).toBe(true);
    expect(holdPauses(p, 'response', 'AwaitingCaller')).toBe(false);
  });
});

describe('validateClockPolicy', () => {
  it('accepts a complete policy', () => {
    expect(validateClockPolicy(slaPolicy('E', T))).toEqual([]);
  });

  it('reports every problem with its field', () => {
    const partial = { ...T, 2: { response: null, resolution: { unit: 'businessDays', value: 1.5 } } } as TargetsByPriority;
    const bad = slaPolicy('', partial, {
      version: 0,
      effectiveFrom: 'soon',
      pausedBy: { response: ['AwaitingGodot' as never] },
      warningThresholds: [50, -1],
    });
    expect(validateClockPolicy(bad).map((e) => e.field)).toEqual([
      'calendarId',
      'version',
      'effectiveFrom',
      'targets.response',
      'pausedBy.response',
      'targets.2.resolution',
      'warningThresholds',
    ]);
  });
});
