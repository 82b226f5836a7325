// The aggregates against a direct count from the facts, on a synthetic set, for random periods and group filters:
// periods that tile whole months (month cells), parts of months (day cells) and both. Also empty and huge inputs.
import { describe, expect, it } from 'vitest';
import { D_DEF, seededRandom } from '../calendar/testing';
import { businessDays, calendars, context, hours, minutes, olaAgreement, slaPolicy, targets } from '../sla/testing';
import { KPI_IDS } from './catalogue';
import { reportingDays, type Period } from './days';
import type { FactsContext } from './facts';
import { drillDown } from './drill-down';
import { computeKpiFigures, computeOlaByGroup, type Figure } from './figures';
import { buildAggregates, type KpiAggregates } from './reduce';
import { syntheticTickets } from './synthetic';
import { evaluateFigures } from './targets';
import { factsOf } from './testing';
import type { Placed, TicketFacts } from './types';

const AS_OF = Date.UTC(2017, 2, 1);
const GROUPS = Array.from({ length: 20 }, (_, i) => `G${i + 1}`);
const CONTEXT: FactsContext = {
  clocks: context(calendars(D_DEF), [slaPolicy('D', targets({ response: hours(1), resolution: businessDays(2) }))],
    GROUPS.map((g) => olaAgreement(g, 'D', targets({ response: minutes(30), resolution: hours(8) }))), AS_OF),
  asOf: AS_OF,
  businessCalendarId: 'D',
};
const synthetic = (tickets: number, seed: number): TicketFacts[] =>
  factsOf(syntheticTickets({ tickets, seed, from: Date.UTC(2016, 1, 29), to: Date.UTC(2017, 1, 18) }), CONTEXT);

/** The same figures counted straight from the facts, ticket by ticket. */
function reference(facts: readonly TicketFacts[], p: Period, groups: readonly string[] | undefined) {
  const inP = (t: number): boolean => p.from <= t && t < p.to;
  const keep = (x: Placed | { groupId: string | null }): boolean => !groups || groups.includes(x.groupId as string);
  const lastIn = <T extends Placed>(events: readonly T[]): T | undefined => events.filter((e) => inP(e.at)).pop();
  const counted = <T extends Placed>(events: readonly T[]): T | undefined => {
    const e = lastIn(events);
    return e && keep(e) ? e : undefined;
  };
  const resolved = facts.map((f) => counted(f.resolutions)).filter((r) => r !== undefined);
  const olaDone = facts.flatMap((f) => f.ola.map((o) => counted(o.completions))).filter((e) => e !== undefined);
  const ratings = facts.map((f) => counted(f.ratings)).filter((r) => r !== undefined);
  const slaResp = facts.map((f) => f.slaResponse).filter((e) => e && inP(e.at) && keep(e));
  return {
    opened: facts.filter((f) => inP(f.opened.at) && keep(f.opened)).length,
    resolved: resolved.length,
    closed: facts.filter((f) => counted(f.closures)).length,
    reopened: facts.filter((f) => counted(f.reopens)).length,
    backlog: facts.flatMap((f) => f.openSpans).filter((s) => s.from < p.to && (s.to === null || s.to >= p.to) && keep(s)).length,
    calendarSum: resolved.reduce((a, r) => a + r.calendarMs, 0),
    slaMet: resolved.filter((r) => r.sla?.met === true).length,
    slaMeasured: resolved.filter((r) => r.sla !== null).length,
    slaResponseMet: slaResp.filter((e) => e!.verdict.met).length,
    olaMet: olaDone.filter((e) => e.verdict.met).length,
    olaMeasured: olaDone.length,
    reopenedBefore: resolved.filter((r) => r.reopensBefore > 0).length,
    ratingSum: ratings.reduce((a, r) => a + r.rating, 0),
    onHold: resolved.reduce((a, r) => a + r.onHoldMs, 0),
  };
}

function fromAggregates(agg: KpiAggregates, p: Period, groups: readonly string[] | undefined) {
  const r = computeKpiFigures(agg, { period: p, ...(groups ? { groupIds: groups } : {}) });
  if (!r.ok) throw new Error(r.error.message);
  const f = r.value.figures;
  return {
    opened: f.opened.value,
    resolved: f.resolved.value,
    closed: f.closed.value,
    reopened: f.reopened.value,
    backlog: f.backlog.value,
    calendarSum: f.mttrCalendarMean.numerator,
    slaMet: f.slaResolution.numerator,
    slaMeasured: f.slaResolution.denominator,
    slaResponseMet: f.slaResponse.numerator,
    olaMet: f.olaResolution.numerator,
    olaMeasured: f.olaResolution.denominator,
    reopenedBefore: f.reopenRate.numerator,
    ratingSum: f.satisfaction.numerator,
    onHold: f.onHoldShare.numerator,
  };
}

const noNaN = (f: Figure): boolean =>
  [f.value, f.numerator, f.denominator, f.populationSize, f.excluded, f.atStart ?? 0].every((v) => v === null || Number.isFinite(v));

describe('aggregates agree with a direct count', () => {
  const facts = synthetic(3_000, 7);
  const agg = buildAggregates(facts, AS_OF);
  const days = reportingDays();
  const first = days.dayOf(Date.UTC(2016, 1, 1));
  const last = days.dayOf(AS_OF);
  const random = seededRandom(11);

  it('for 60 random periods and filters', () => {
    for (let i = 0; i < 60; i++) {
      const a = first + Math.floor(random() * (last - first));
      const b = a + 1 + Math.floor(random() * (i % 3 === 0 ? 400 : 45));
      const p = { from: days.startOf(a), to: days.startOf(b) };
      const groups = i % 2 === 0 ? undefined : [GROUPS[Math.floor(random() * 4)]!];
      expect(fromAggregates(agg, p, groups), `period ${a}-${b} ${groups ?? 'all'}`).toEqual(reference(facts, p, groups));
    }
  });

  it('the drill-down lists exactly the population behind every figure', () => {
    for (let i = 0; i < 12; i++) {
      const a = first + Math.floor(random() * (last - first));
      const p = { from: days.startOf(a), to: days.startOf(a + 1 + Math.floor(random() * 90)) };
      const filter = i % 2 === 0 ? {} : { groupIds: [GROUPS[i % 4]!] };
      const r = computeKpiFigures(agg, { period: p, ...filter });
      if (!r.ok) throw new Error(r.error.message);
      for (const kpi of KPI_IDS) {
        const rows = drillDown(facts, kpi, p, filter);
        if (kpi === 'backlogGrowth') {
          // Only the change is listed: the tickets that joined the backlog less those that left it make the figure.
          const count = (side: string) => rows.filter((x) => x.backlog === side).length;
          expect([kpi, a, count('joined') - count('left'), count('joined') + count('left')]).toEqual([kpi, a, r.value.figures[kpi].value, rows.length]);
          continue;
        }
        expect(rows.length, `${kpi} ${a}`).toBe(r.value.figures[kpi].populationSize);
        if (kpi === 'slaResolution' || kpi === 'olaResolution') expect(rows.filter((x) => x.met).length).toBe(r.value.figures[kpi].numerator);
      }
    }
  });

  it('for whole months, which read month cells', () => {
    for (const [from, to] of [['2016-03-01', '2016-04-01'], ['2016-10-01', '2017-01-01'], ['2016-02-01', '2017-04-01']] as const) {
      const p = { from: Date.parse(`${from}T00:00:00Z`), to: Date.parse(`${to}T00:00:00Z`) };
      const london = { from: days.startOf(days.dayOf(p.from + 12 * 3_600_000)), to: days.startOf(days.dayOf(p.to + 12 * 3_600_000)) };
      expect(fromAggregates(agg, london, undefined)).toEqual(reference(facts, london, undefined));
    }
  });
});

describe('edge inputs', () => {
  it('no tickets: counts are zero, every rate and average says no data, nothing is NaN', () => {
    const agg = buildAggregates([], AS_OF);
    const r = computeKpiFigures(agg, { period: { from: Date.UTC(2017, 0, 1), to: Date.UTC(2017, 1, 1) } });
    if (!r.ok) throw new Error(r.error.message);
    const f = r.value.figures;
    expect(KPI_IDS.every((k) => noNaN(f[k]))).toBe(true);
    const counts = ['opened', 'resolved', 'closed', 'cancelled', 'reopened', 'backlog', 'backlogGrowth', 'backlogAge'] as const;
    expect(counts.map((k) => f[k].value)).toEqual(counts.map(() => 0));
    expect(KPI_IDS.filter((k) => !(counts as readonly string[]).includes(k)).map((k) => f[k].value).every((v) => v === null)).toBe(true);
    expect(computeOlaByGroup(agg, { period: r.value.period })).toEqual([]);
    const rated = evaluateFigures(r.value, [], { groupId: null, serviceId: null });
    expect([rated.mttrCalendarMean.label, rated.opened.label]).toEqual(['No data', 'No target set']);
  });

  it('a huge input: 75,000 tickets (25 copies of 3,000): counts scale exactly, rates and times do not move', () => {
    const facts = synthetic(3_000, 20_160_229);
    const copies = Array.from({ length: 25 }, (_, k) => facts.map((f) => ({ ...f, number: `${f.number}-${k}` }))).flat();
    const year = { from: Date.UTC(2016, 1, 1), to: Date.UTC(2017, 2, 1) };
    const one = computeKpiFigures(buildAggregates(facts, AS_OF), { period: year });
    const many = computeKpiFigures(buildAggregates(copies, AS_OF), { period: year });
    if (!one.ok || !many.ok) throw new Error('figures failed');
    const a = one.value.figures;
    const b = many.value.figures;
    expect(KPI_IDS.every((k) => noNaN(b[k]))).toBe(true);
    expect(b.opened.value).toBe(75_000);
    for (const k of ['opened', 'resolved', 'closed', 'cancelled', 'reopened', 'backlog'] as const) expect(b[k].value).toBe(a[k].value! * 25);
    for (const k of ['slaResolution', 'slaResponse', 'slaPreviousTool', 'olaResolution', 'olaResponse', 'firstGroupResolution', 'reopenRate', 'onHoldShare', 'satisfaction', 'reassignmentsPerTicket'] as const) {
      expect(b[k].value, k).toBeCloseTo(a[k].value!, 9);
    }
    // Medians and percentiles of 25 copies are the same values; the mean is the same up to rounding.
    expect([b.mttrCalendarMedian.value, b.mttrCalendarP90.value, b.mttrBusinessP90.value]).toEqual([a.mttrCalendarMedian.value, a.mttrCalendarP90.value, a.mttrBusinessP90.value]);
    expect(b.mttrCalendarMean.value! / a.mttrCalendarMean.value!).toBeCloseTo(1, 12);
    expect(b.backlogAge.buckets!.map((x) => x.tickets)).toEqual(a.backlogAge.buckets!.map((x) => x.tickets * 25));
  }, 120_000);
});
