// Adding target versions: versions only grow, a series keeps its KPI and scope, one series per scope, never in the past.
import { describe, expect, it } from 'vitest';
import { nextTargetVersion, validateTargetChange } from './target-change';
import type { KpiTarget } from './targets';
import { validateKpiTarget } from './targets';
import { watermelonMarginProblem } from './watermelon';

const t = (extra: Partial<KpiTarget>): KpiTarget => ({
  id: 'sla', version: 1, kpi: 'slaResolution', groupId: null, serviceId: null, effectiveFrom: '2025-01-01T00:00:00Z', direction: 'higherIsBetter', green: 95, amber: 90, ...extra,
});
const NOW = Date.parse('2025-03-10T12:00:00Z');
const LATER = '2025-04-01T00:00:00Z';
const codes = (saved: KpiTarget[], next: KpiTarget) => validateTargetChange(saved, next, NOW).map((e) => `${e.field}:${e.code}`);

describe('target versions', () => {
  it('numbers the next version from the saved ones', () => {
    expect(nextTargetVersion([], 'sla')).toBe(1);
    expect(nextTargetVersion([t({}), t({ version: 3 }), t({ id: 'other', version: 7 })], 'sla')).toBe(4);
  });

  it('accepts the next version from now on, and refuses a taken version, a moved scope, a second series and the past', () => {
    const saved = [t({})];
    expect(codes(saved, t({ version: 2, effectiveFrom: LATER }))).toEqual([]);
    expect(codes(saved, t({ version: 1, effectiveFrom: LATER }))).toEqual(['version:version_taken']);
    expect(codes(saved, t({ version: 2, effectiveFrom: LATER, groupId: 'desk' }))).toEqual(['kpi:scope_changed']);
    expect(codes(saved, t({ id: 'sla-2', effectiveFrom: LATER }))).toEqual(['id:duplicate_scope']);
    expect(codes(saved, t({ id: 'sla-desk', groupId: 'desk', effectiveFrom: LATER }))).toEqual([]);
    expect(codes(saved, t({ version: 2, effectiveFrom: '2025-03-10T11:59:59Z' }))).toEqual(['effectiveFrom:starts_in_past']);
  });

  it('codes thresholds out of order and out of range, naming the field and the values', () => {
    const order = validateKpiTarget(t({ green: 80, amber: 90 }));
    expect(order.map((e) => `${e.field}:${e.code}`)).toEqual(['amber:thresholds_out_of_order']);
    expect(order[0]!.message).toContain('amber threshold (90)');
    const down = validateKpiTarget(t({ kpi: 'reopenRate', direction: 'lowerIsBetter', green: 10, amber: 5 }));
    expect(down.map((e) => e.code)).toEqual(['thresholds_out_of_order']);
    expect(validateKpiTarget(t({ green: 101 })).map((e) => `${e.field}:${e.code}`)).toEqual(['green:threshold_out_of_range']);
    expect(validateKpiTarget(t({ amber: Number.NaN })).map((e) => `${e.field}:${e.code}`)).toEqual(['amber:invalid_target']);
    // Volumes have no range: a backlog growth target may be negative.
    expect(validateKpiTarget(t({ kpi: 'backlogGrowth', direction: 'lowerIsBetter', green: -5, amber: 0 }))).toEqual([]);
  });

  it('checks the watermelon margin an admin types', () => {
    expect([2, 0.5, 50].map(watermelonMarginProblem)).toEqual([null, null, null]);
    expect(watermelonMarginProblem(0)).toMatch(/between 0.1 and 50/);
    expect(watermelonMarginProblem(51)).toMatch(/between/);
    expect(watermelonMarginProblem('2')).toMatch(/must be a number/);
    expect(watermelonMarginProblem(1.234)).toMatch(/two decimals/);
  });
});
