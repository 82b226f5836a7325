// Every KPI on the hand-built set (testing.ts), against values worked out by hand. Calendar E is Mon-Fri 08:00-18:00,
// SLA: response 1 h, resolution 4 h; OLA: G1 30 min / 2 h, G2 30 min / 1 h, G3 30 min / 4 h.
import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from '../calendar/civil-date';
import { periodOfLocalDates } from './days';
import { drillDown } from './drill-down';
import { computeKpiFigures, computeOlaByGroup, type KpiFigures, type KpiQuery } from './figures';
import { aggregatesFromCells, buildAggregates, type KpiAggregates } from './reduce';
import { hours, minutes, targets } from '../sla/testing';
import { local } from '../calendar/testing';
import { AS_OF, CTX, OLAS, factsOf, handBuiltSet } from './testing';

const agg: KpiAggregates = buildAggregates(factsOf(handBuiltSet()), AS_OF);
const JANUARY = periodOfLocalDates('2025-01-01', '2025-02-01')!;
const FEBRUARY = periodOfLocalDates('2025-02-01', '2025-03-01')!;

function figures(q: KpiQuery): KpiFigures['figures'] {
  const r = computeKpiFigures(agg, q);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.figures;
}
const jan = figures({ period: JANUARY });
const mins = (ms: number | null): number | null => (ms === null ? null : ms / MINUTE_MS);

describe('January on the hand-built set', () => {
  it('volumes count tickets, not events', () => {
    // Opened: T1, T2, T4, T5, T6, T8, T9 (T3 opened in December, T7 in November).
    expect(jan.opened.value).toBe(7);
    // Resolved: T1, T2 (twice, counted once), T4, T5, T9 (again in February, which is after the period).
    expect(jan.resolved.value).toBe(5);
    // Closed: T1 and T5 (confirmed), T3 (opened and resolved in December).
    expect(jan.closed.value).toBe(3);
    expect(jan.cancelled.value).toBe(1);
    expect(jan.reopened.value).toBe(1);
  });

  it('backlog, growth and ages', () => {
    // Open just before 1 February: T6 (G1) and T7 (G3, on hold). Before 1 January only T7 was open.
    expect(jan.backlog.value).toBe(2);
    expect([jan.backlogGrowth.value, jan.backlogGrowth.atStart]).toEqual([1, 1]);
    // T6 opened 28 January: 3 days before 31 January; T7 opened 4 November: 88 days.
    expect(jan.backlogAge.buckets!.filter((b) => b.tickets > 0).map((b) => [b.minDays, b.maxDays, b.tickets])).toEqual([
      [2, 3, 1],
      [31, 90, 1],
    ]);
  });

  it('MTTR in calendar time: 45, 90, 300, 1560, 3060 minutes', () => {
    expect([mins(jan.mttrCalendarMean.value), mins(jan.mttrCalendarMedian.value), mins(jan.mttrCalendarP90.value)]).toEqual([1011, 300, 3060]);
  });

  it('MTTR in business time on calendar E: 45, 90, 300, 720, 1380 minutes', () => {
    // T2: Tue 09:00 to Thu 12:00 = 9 + 10 + 4 hours. T5: Wed 09:00 to Thu 11:00 = 9 + 3 hours (hold included).
    expect([mins(jan.mttrBusinessMean.value), mins(jan.mttrBusinessMedian.value), mins(jan.mttrBusinessP90.value)]).toEqual([507, 300, 1380]);
    expect(jan.mttrBusinessMean.excluded).toBe(0);
  });

  it("SLA compliance from this product's clocks, apart from the previous tool's", () => {
    // Resolution 4 h: T1 1.5 h, T2 1 h + 3 h = 4 h (met at the due instant), T4 5 h (breached), T5 2 h (hold paused), T9 45 min.
    expect([jan.slaResolution.numerator, jan.slaResolution.denominator, jan.slaResolution.value]).toEqual([4, 5, 80]);
    expect(jan.slaResolution.byPolicy).toEqual([{ key: 'sla-default@1', met: 4, breached: 1 }]);
    // Response 1 h, decided in January: T1, T2, T5, T6, T9 met; T4 breached at 10:00 (taken 10:15); T8 cancelled.
    expect([jan.slaResponse.numerator, jan.slaResponse.denominator]).toEqual([5, 6]);
    expect(jan.slaResponse.value).toBeCloseTo(83.333, 3);
    // Recorded by the previous tool: T1 made it, T4 did not; T2, T5, T9 have no recorded outcome.
    expect([jan.slaPreviousTool.value, jan.slaPreviousTool.denominator, jan.slaPreviousTool.excluded]).toEqual([50, 2, 3]);
  });

  it('OLA compliance per hand-over segment, and per group', () => {
    // Met: T1 G1, T4 G1 (handed over after 1 h of 2), T4 G3, T9 G2 (first resolution). Breached: T2 G1 (last
    // resolution, 4 h of 2), T4 G2 (2 h of 1), T5 G2 (2 h of 1).
    expect([jan.olaResolution.numerator, jan.olaResolution.denominator]).toEqual([4, 7]);
    // Response 30 min: T4 G1 never taken before the hand-over at 1 h, T4 G3 took 1 h; six others met.
    expect([jan.olaResponse.numerator, jan.olaResponse.denominator, jan.olaResponse.value]).toEqual([6, 8, 75]);
    const rows = computeOlaByGroup(agg, { period: JANUARY })!;
    expect(rows.map((r) => [r.groupId, r.resolution.numerator, r.resolution.denominator])).toEqual([
      ['G1', 2, 3],
      ['G2', 1, 3],
      ['G3', 1, 1],
    ]);
  });

  it('first group, reopens, reassignments, on-hold share, satisfaction', () => {
    expect([jan.firstGroupResolution.numerator, jan.firstGroupResolution.denominator, jan.firstGroupResolution.value]).toEqual([4, 5, 80]);
    expect([jan.reopenRate.numerator, jan.reopenRate.value]).toEqual([1, 20]);
    expect([jan.reassignmentsPerTicket.numerator, jan.reassignmentsPerTicket.value]).toEqual([2, 0.4]);
    // T5's 24 hours on hold over 5,055 minutes of life.
    expect([mins(jan.onHoldShare.numerator), mins(jan.onHoldShare.denominator)]).toEqual([1440, 5055]);
    expect(jan.onHoldShare.value).toBeCloseTo((1440 / 5055) * 100, 10);
    expect([jan.satisfaction.value, jan.satisfaction.distribution]).toEqual([4, [0, 0, 1, 0, 1]]);
  });
});

describe('other periods and filters', () => {
  it('February counts T9 once more, judged at its second resolution', () => {
    const feb = figures({ period: FEBRUARY });
    expect([feb.resolved.value, feb.reopened.value, feb.reopenRate.value]).toEqual([1, 1, 100]);
    // Opened Wed 29 January 09:00, resolved again Mon 3 February 10:00: 121 hours; 9 + 10 + 10 + 2 business hours.
    expect([mins(feb.mttrCalendarMean.value), mins(feb.mttrBusinessMean.value)]).toEqual([121 * 60, 31 * 60]);
    expect([feb.slaResolution.value, feb.olaResolution.value]).toEqual([100, 0]);
    expect(computeKpiFigures(agg, { period: FEBRUARY }).ok && (computeKpiFigures(agg, { period: FEBRUARY }) as { value: KpiFigures }).value.partial).toBe(true);
  });

  it('a group filter attributes each event to the group holding the ticket then', () => {
    const g1 = figures({ period: JANUARY, groupIds: ['G1'] });
    // Opened with G1: T1, T2, T4, T6, T8. Resolved by G1: T1, T2 (T4 was resolved by G3). Open with G1 at the end: T6.
    expect([g1.opened.value, g1.resolved.value, g1.backlog.value, g1.cancelled.value]).toEqual([5, 2, 1, 1]);
    const g3 = figures({ period: JANUARY, groupIds: ['G3'] });
    expect([g3.resolved.value, g3.firstGroupResolution.value, g3.reassignmentsPerTicket.value, g3.backlog.value]).toEqual([1, 0, 2, 1]);
  });

  it('one week inside January uses day cells and still counts T2 once', () => {
    const week = figures({ period: periodOfLocalDates('2025-01-06', '2025-01-13')! });
    // T2 resolved 7 and 9 January; T3 closed 6 January; T8 opened and cancelled 10 January.
    expect([week.resolved.value, week.closed.value, week.opened.value, week.cancelled.value]).toEqual([1, 1, 2, 1]);
    expect(mins(week.mttrCalendarMean.value)).toBe(3060);
  });

  it('a period that does not start at a local midnight is refused', () => {
    const r = computeKpiFigures(agg, { period: { from: JANUARY.from + 1, to: JANUARY.to } });
    expect(r.ok ? null : r.error.code).toBe('period_not_aligned');
  });
});

describe('named policies and agreements', () => {
  it('SLA compliance can be limited to one named policy; another policy has no data', () => {
    const only = figures({ period: JANUARY, slaPolicyId: 'sla-default' });
    expect([only.slaResolution.value, only.slaResolution.byPolicy!.map((p) => p.key)]).toEqual([80, ['sla-default@1']]);
    const other = figures({ period: JANUARY, slaPolicyId: 'sla-gold' });
    expect([other.slaResolution.value, other.slaResolution.excluded, other.slaResolution.byPolicy]).toEqual([null, 5, []]);
  });

  it('each stint is judged by the OLA agreement in force when it started', () => {
    // G1 agrees a 1-hour resolution target from 15 January (version 2). T1 and T2 started under version 1; T4's G1
    // stint started on 20 January under version 2 and was handed over after exactly 1 hour: met.
    const v2 = { ...OLAS[0]!, version: 2, effectiveFrom: '2025-01-15T00:00:00Z', targets: targets({ response: minutes(30), resolution: hours(1) }) };
    const ctx = { ...CTX, clocks: { ...CTX.clocks, olaAgreements: [...OLAS, v2] } };
    const agg2 = buildAggregates(factsOf(handBuiltSet(), ctx), AS_OF);
    const r = computeKpiFigures(agg2, { period: JANUARY, groupIds: ['G1'] });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.figures.olaResolution.byPolicy).toEqual([
      { key: 'ola-G1@1', met: 1, breached: 1 },
      { key: 'ola-G1@2', met: 1, breached: 0 },
    ]);
  });

  it('a service filter keeps the cells of that service only', () => {
    expect(figures({ period: JANUARY, serviceIds: ['S1'] }).resolved.value).toBe(5);
    const none = figures({ period: JANUARY, serviceIds: ['S2'] });
    expect([none.resolved.value, none.mttrCalendarMean.value, none.backlog.value]).toEqual([0, null, 0]);
  });
});

describe('stored cells', () => {
  it('cells written as JSON and read back give the same figures (the worker stores one cell per item)', () => {
    const stored = JSON.parse(JSON.stringify([...agg.days.values(), ...agg.months.values()]));
    const back = aggregatesFromCells(stored, agg.asOf, agg.tickets);
    for (const period of [JANUARY, FEBRUARY, periodOfLocalDates('2025-01-06', '2025-01-13')!]) {
      expect(computeKpiFigures(back, { period })).toEqual(computeKpiFigures(agg, { period }));
    }
  });
});

describe('drill-down', () => {
  const facts = factsOf(handBuiltSet());

  it("lists the stints behind G2's OLA figure, and the tickets resolved in January with their counted resolution", () => {
    const rows = drillDown(facts, 'olaResolution', JANUARY, { groupIds: ['G2'] });
    expect(rows.map((r) => [r.number, r.met])).toEqual([
      ['T4', false],
      ['T5', false],
      ['T9', true],
    ]);
    const resolved = drillDown(facts, 'resolved', JANUARY);
    expect(resolved.map((r) => r.number)).toEqual(['T1', 'T2', 'T4', 'T5', 'T9']);
    expect(resolved.find((r) => r.number === 'T2')!.at).toBe(facts[1]!.resolutions[1]!.at);
    expect(drillDown(facts, 'backlog', JANUARY).map((r) => [r.number, r.groupId])).toEqual([
      ['T6', 'G1'],
      ['T7', 'G3'],
    ]);
  });

  it('lists for backlog growth only the change: tickets that joined the backlog and those that left it', () => {
    // The input that broke it: the growth's list was the whole end backlog (T6 and T7 for January, growth 1).
    expect(drillDown(facts, 'backlogGrowth', JANUARY).map((r) => [r.number, r.backlog, r.groupId])).toEqual([['T6', 'joined', 'G1']]);
    expect([jan.backlog.value, jan.backlogGrowth.atStart, jan.backlogGrowth.value]).toEqual([2, 1, 1]);
    // From 20 Jan 10:30 (T4 held by G2, T7 by G3) to 29 Jan 09:30 (T6 with G1, T7 with G3, T9 with G2).
    const p = { from: local('2025-01-20 10:30'), to: local('2025-01-29 09:30') };
    expect(drillDown(facts, 'backlogGrowth', p).map((r) => [r.number, r.backlog, r.groupId, r.at])).toEqual([
      ['T4', 'left', 'G2', local('2025-01-20 10:00')],
      ['T6', 'joined', 'G1', local('2025-01-28 09:00')],
      ['T9', 'joined', 'G2', local('2025-01-29 09:00')],
    ]);
    // For G2 alone: T9 joined, T4 left; T7 (G3) is in neither.
    expect(drillDown(facts, 'backlogGrowth', p, { groupIds: ['G2'] }).map((r) => [r.number, r.backlog])).toEqual([['T4', 'left'], ['T9', 'joined']]);
    // A ticket handed from G1 to G2 inside the period left G1's backlog and joined G2's.
    const q = { from: local('2025-01-20 09:30'), to: local('2025-01-20 11:00') };
    expect(drillDown(facts, 'backlogGrowth', q, { groupIds: ['G1'] }).map((r) => [r.number, r.backlog])).toEqual([['T4', 'left']]);
    expect(drillDown(facts, 'backlogGrowth', q, { groupIds: ['G2'] }).map((r) => [r.number, r.backlog])).toEqual([['T4', 'joined']]);
    expect(drillDown(facts, 'backlogGrowth', q)).toEqual([]);
  });
});
