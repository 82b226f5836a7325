// KPI targets: selection by period start and scope, red/amber/green in both directions, validation and versioning.
import { describe, expect, it } from 'vitest';
import { KPI_CATALOGUE } from './catalogue';
import type { Figure } from './figures';
import { validateTargetChange } from './target-change';
import { evaluateFigure, rate, selectKpiTarget, validateKpiTarget, type KpiTarget } from './targets';

const t = (extra: Partial<KpiTarget>): KpiTarget => ({
  id: 'sla-target',
  version: 1,
  kpi: 'slaResolution',
  groupId: null,
  serviceId: null,
  effectiveFrom: '2025-01-01T00:00:00Z',
  direction: 'higherIsBetter',
  green: 95,
  amber: 90,
  ...extra,
});
const ANY = { groupId: null, serviceId: null };
const JAN = Date.parse('2025-01-01T00:00:00Z');
const FEB = Date.parse('2025-02-01T00:00:00Z');

const fig = (value: number | null): Figure => ({ kpi: 'slaResolution', population: 'resolvedIn', unit: 'percent', populationSize: 10, value, numerator: null, denominator: null, excluded: 0 });

describe('targets', () => {
  it('rates higher-is-better and lower-is-better figures, thresholds included in the better band', () => {
    const up = { direction: 'higherIsBetter', green: 95, amber: 90 } as const;
    expect([rate(95, up), rate(94.9, up), rate(90, up), rate(89.99, up)]).toEqual(['green', 'amber', 'amber', 'red']);
    const down = { direction: 'lowerIsBetter', green: 5, amber: 10 } as const;
    expect([rate(5, down), rate(7, down), rate(10, down), rate(10.5, down)]).toEqual(['green', 'amber', 'amber', 'red']);
  });

  it('the target in force at the start of the period applies: a new version never rewrites January', () => {
    const v1 = t({});
    const v2 = t({ version: 2, effectiveFrom: '2025-02-01T00:00:00Z', green: 98, amber: 95 });
    expect(selectKpiTarget([v1, v2], 'slaResolution', JAN, ANY)?.version).toBe(1);
    expect(selectKpiTarget([v1, v2], 'slaResolution', FEB, ANY)?.version).toBe(2);
    // 96 % in January is on target under v1; the same 96 % in February is near target under v2.
    expect(evaluateFigure(fig(96), selectKpiTarget([v1, v2], 'slaResolution', JAN, ANY)).status).toBe('green');
    expect(evaluateFigure(fig(96), selectKpiTarget([v1, v2], 'slaResolution', FEB, ANY)).label).toBe('Near target');
    expect(selectKpiTarget([v1], 'slaResolution', Date.parse('2024-12-01T00:00:00Z'), ANY)).toBeNull();
  });

  it('a target for the group beats the general one; a target for another group does not apply', () => {
    const general = t({});
    const g1 = t({ id: 'g1', groupId: 'G1', green: 80, amber: 70 });
    expect(selectKpiTarget([general, g1], 'slaResolution', JAN, { groupId: 'G1', serviceId: null })?.id).toBe('g1');
    expect(selectKpiTarget([general, g1], 'slaResolution', JAN, { groupId: 'G2', serviceId: null })?.id).toBe('sla-target');
  });

  it('no data and no target are states with labels, not colours', () => {
    expect(evaluateFigure(fig(null), t({}))).toMatchObject({ status: 'noData', label: 'No data' });
    expect(evaluateFigure(fig(50), null)).toMatchObject({ status: 'noTarget', label: 'No target set' });
    expect(evaluateFigure(fig(50), t({}))).toMatchObject({ status: 'red', label: 'Off target', target: { id: 'sla-target', version: 1 } });
  });

  it('validation: order of thresholds by direction, ranges by unit, dates and versions', () => {
    expect(validateKpiTarget(t({}))).toEqual([]);
    expect(validateKpiTarget(t({ green: 90, amber: 95 })).map((e) => e.field)).toEqual(['amber']);
    expect(validateKpiTarget(t({ kpi: 'reopenRate', direction: 'lowerIsBetter', green: 5, amber: 10 }))).toEqual([]);
    expect(validateKpiTarget(t({ green: 120 })).map((e) => e.field)).toEqual(['green']);
    expect(validateKpiTarget(t({ kpi: 'satisfaction', green: 4.5, amber: 0.5 })).map((e) => e.field)).toEqual(['amber']);
    expect(validateKpiTarget(t({ version: 0, effectiveFrom: 'soon' })).map((e) => e.field)).toEqual(['version', 'effectiveFrom']);
    expect(validateKpiTarget(t({ kpi: 'nope' as never })).map((e) => e.field)).toEqual(['kpi']);
    expect(KPI_CATALOGUE.mttrBusinessP90.direction).toBe('lowerIsBetter');
  });

  it('refuses a negative time-to-resolve target, which no ticket could meet, and says it in hours', () => {
    const hours = (h: number) => h * 3_600_000;
    const refused = validateKpiTarget(t({ kpi: 'mttrCalendarMean', direction: 'lowerIsBetter', green: hours(-3), amber: hours(5) }));
    expect(refused).toEqual([{ code: 'threshold_out_of_range', field: 'green', message: 'The green threshold for this KPI is between 0 hours and 8784 hours (got -3 hours).' }]);
    expect(validateKpiTarget(t({ kpi: 'mttrCalendarP90', direction: 'lowerIsBetter', green: -5, amber: 10 })).map((e) => e.code)).toEqual(['threshold_out_of_range']);
    expect(validateKpiTarget(t({ kpi: 'mttrCalendarMean', direction: 'lowerIsBetter', green: hours(8), amber: hours(24) }))).toEqual([]);
    expect(validateKpiTarget(t({ kpi: 'reassignmentsPerTicket', direction: 'lowerIsBetter', green: -1, amber: 2 })).map((e) => e.field)).toEqual(['green']);
    expect(validateKpiTarget(t({ kpi: 'backlogGrowth', direction: 'lowerIsBetter', green: -10, amber: 0 }))).toEqual([]);
  });

  it('a change takes a higher version and cannot start before now', () => {
    const saved = [t({})];
    const now = Date.parse('2025-03-10T12:00:00Z');
    expect(validateTargetChange(saved, t({ version: 2, effectiveFrom: '2025-04-01T00:00:00Z' }), now)).toEqual([]);
    expect(validateTargetChange(saved, t({ version: 1, effectiveFrom: '2025-04-01T00:00:00Z' }), now).map((e) => e.field)).toEqual(['version']);
    expect(validateTargetChange(saved, t({ version: 2, effectiveFrom: '2025-03-01T00:00:00Z' }), now).map((e) => e.field)).toEqual(['effectiveFrom']);
  });
});
