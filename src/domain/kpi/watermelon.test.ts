// The watermelon warning: green SLA, but holds or reopens rising by the margin.
import { describe, expect, it } from 'vitest';
import { KPI_IDS } from './catalogue';
import type { Figure, KpiFigures } from './figures';
import type { TargetEvaluation } from './targets';
import { watermelonWarning } from './watermelon';

function figures(onHold: number | null, reopen: number | null): KpiFigures {
  const base = (kpi: Figure['kpi'], value: number | null): Figure => ({ kpi, population: 'resolvedIn', unit: 'percent', populationSize: 100, value, numerator: null, denominator: null, excluded: 0 });
  const all = Object.fromEntries(KPI_IDS.map((k) => [k, base(k, null)])) as Record<Figure['kpi'], Figure>;
  return { period: { from: 0, to: 1 }, asOf: 1, partial: false, figures: { ...all, onHoldShare: base('onHoldShare', onHold), reopenRate: base('reopenRate', reopen) } };
}
const sla = (status: TargetEvaluation['status']): TargetEvaluation => ({ kpi: 'slaResolution', status, label: '', target: null });

describe('watermelon warning', () => {
  it('warns when SLA is green and the on-hold share rose by the margin or more', () => {
    const w = watermelonWarning(figures(12, 3), figures(10, 3), sla('green'));
    expect(w?.rises.map((r) => [r.kpi, r.rise])).toEqual([['onHoldShare', 2]]);
    expect(w?.message).toBe('SLA compliance is on target, but the share of life on hold rose from 10.0 % to 12.0 % since the previous period.');
  });

  it('names both rises, and takes the margin an admin sets', () => {
    expect(watermelonWarning(figures(13, 6), figures(10, 3), sla('green'), 3)?.rises.map((r) => r.kpi)).toEqual(['onHoldShare', 'reopenRate']);
    expect(watermelonWarning(figures(12, 3), figures(10, 3), sla('green'), 3)).toBeNull();
  });

  it('stays quiet when SLA is not green, when nothing rose enough, or without data', () => {
    expect(watermelonWarning(figures(20, 3), figures(10, 3), sla('amber'))).toBeNull();
    expect(watermelonWarning(figures(11.9, 4.9), figures(10, 3), sla('green'))).toBeNull();
    expect(watermelonWarning(figures(null, 3), figures(10, 3), sla('green'))).toBeNull();
    // 2.3 - (0.1 + 0.2) is 1.9999999999999998 in floating point: still a rise of 2 points.
    expect(watermelonWarning(figures(2.3, 3), figures(0.1 + 0.2, 3), sla('green'))?.rises[0]?.rise).toBe(2);
  });
});
