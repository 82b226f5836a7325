// Per-ticket facts on the hand-built set (testing.ts) and the ways extraction can fail or degrade.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { HOUR_MS, MINUTE_MS } from '../calendar/civil-date';
import { D_DEF, E_DEF, local, showLocal } from '../calendar/testing';
import { HistoryBuilder, calendars, context } from '../sla/testing';
import { extractTicketFacts, type FactsContext } from './facts';
import { AS_OF, CTX, OLAS, SLA, factsOf, handBuiltSet, kpiSubject } from './testing';
import type { Ticket } from '../tickets/types';
import type { KpiSubject, TicketFacts } from './types';

const byNumber = new Map(factsOf(handBuiltSet()).map((f) => [f.number, f]));
const facts = (n: string): TicketFacts => byNumber.get(n)!;
const show = (t: number | null): string | null => (t === null ? null : showLocal(t));

describe('facts of the hand-built tickets', () => {
  it('takes a Ticket as it is', () => {
    expectTypeOf<Ticket>().toMatchTypeOf<KpiSubject>();
  });

  it('T4: a hand-over chain across three groups', () => {
    const f = facts('T4');
    expect(f.stints.map((s) => [s.groupId, show(s.from), show(s.to), s.endedBy, s.heldMs / HOUR_MS])).toEqual([
      ['G1', '2025-01-20 09:00', '2025-01-20 10:00', 'handover', 1],
      ['G2', '2025-01-20 10:00', '2025-01-20 12:00', 'handover', 2],
      ['G3', '2025-01-20 12:00', null, null, 2],
    ]);
    expect([f.firstGroupId, f.reassignments]).toEqual(['G1', 2]);
    const [r] = f.resolutions;
    expect([r!.groupId, r!.byFirstGroup, r!.reassignmentsBefore, r!.sla]).toEqual(['G3', false, 2, { key: 'sla-default@1', met: false }]);
    expect(f.ola.map((o) => [o.groupId, o.response?.verdict.met, o.completions.map((c) => [show(c.at), c.verdict.met])])).toEqual([
      ['G1', false, [['2025-01-20 10:00', true]]],
      ['G2', true, [['2025-01-20 12:00', false]]],
      ['G3', false, [['2025-01-20 14:00', true]]],
    ]);
    // The OLA review shows each group's target and the business time its clock ran.
    expect(f.ola.map((o) => [o.resolutionTargetMs! / HOUR_MS, o.resolutionElapsedMs! / HOUR_MS, o.resolutionState])).toEqual([
      [2, 1, 'met'],
      [1, 2, 'breached'],
      [4, 2, 'met'],
    ]);
  });

  it('T2: resolved twice, each resolution with its own verdicts', () => {
    const f = facts('T2');
    expect(f.resolutions.map((r) => [show(r.at), r.calendarMs / MINUTE_MS, r.businessMs! / MINUTE_MS, r.reopensBefore, r.sla?.met])).toEqual([
      ['2025-01-07 10:00', 60, 60, 0, true],
      ['2025-01-09 12:00', 3060, 1380, 1, true],
    ]);
    expect(f.reopens.map((r) => show(r.at))).toEqual(['2025-01-09 09:00']);
    expect(f.ola[0]!.completions.map((c) => c.verdict.met)).toEqual([true, false]);
    expect(f.openSpans.map((s) => [show(s.from), show(s.to)])).toEqual([
      ['2025-01-07 09:00', '2025-01-07 10:00'],
      ['2025-01-09 09:00', '2025-01-09 12:00'],
    ]);
  });

  it('T9: the first resolution is judged by the clocks as they stood then, not as they ended', () => {
    const f = facts('T9');
    expect(f.resolutions.map((r) => r.sla?.met)).toEqual([true, true]);
    // G2's 1-hour OLA: 45 minutes at the first resolution (met), 105 minutes at the second (breached).
    expect(f.ola[0]!.completions.map((c) => [show(c.at), c.verdict.met])).toEqual([
      ['2025-01-29 09:45', true],
      ['2025-02-03 10:00', false],
    ]);
  });

  it('T5: on hold for a day, and a rating from the confirmation', () => {
    const f = facts('T5');
    expect(f.holds.map((h) => [show(h.from), show(h.to), h.reason])).toEqual([['2025-01-22 10:00', '2025-01-23 10:00', 'AwaitingCaller']]);
    expect([f.onHoldMs / HOUR_MS, f.resolutions[0]!.onHoldMs / HOUR_MS]).toEqual([24, 24]);
    expect(f.ratings.map((r) => [show(r.at), r.rating, r.groupId])).toEqual([['2025-01-24 09:00', 3, 'G2']]);
    expect(f.closures.map((c) => show(c.at))).toEqual(['2025-01-24 09:00']);
  });

  it('T7: still on hold at asOf, its unanswered response breached; T8: cancelled, so no verdict', () => {
    const t7 = facts('T7');
    expect(t7.openSpans).toEqual([{ from: local('2024-11-04 09:00'), to: null, groupId: 'G3', serviceId: 'S1' }]);
    expect(t7.onHoldMs).toBe(AS_OF - local('2024-11-05 09:00'));
    // Never taken: the 1-hour response passed its due time at 10:00 on the day it was raised (before the hold).
    expect([show(t7.slaResponse!.at), t7.slaResponse!.verdict.met, t7.resolutions.length]).toEqual(['2024-11-04 10:00', false, 0]);
    expect([show(t7.ola[0]!.response!.at), t7.ola[0]!.response!.verdict.met, t7.ola[0]!.completions]).toEqual(['2024-11-04 09:30', false, []]);
    const t8 = facts('T8');
    expect([t8.cancellations.length, t8.slaResponse, t8.ola[0]!.response, t8.ola[0]!.completions]).toEqual([1, null, null, []]);
  });

  it('a group handed a ticket that is already resolved has no OLA response to give', () => {
    const t = new HistoryBuilder(local('2025-01-13 09:00'), { priority: 3, group: 'G1' }).take(local('2025-01-13 09:05'))
      .resolve(local('2025-01-13 10:00')).handover(local('2025-01-13 11:00'), 'G2').close(local('2025-01-16 09:00'));
    const r = extractTicketFacts({ ticket: kpiSubject('X0', t) }, CTX);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.ola.map((o) => [o.groupId, o.response?.verdict.met ?? null, o.completions.length])).toEqual([
      ['G1', true, 1],
      ['G2', null, 0],
    ]);
  });

  it('history after asOf is ignored', () => {
    const t9 = handBuiltSet().find((i) => i.ticket.number === 'T9')!;
    const asOf = local('2025-02-01 00:00');
    const r = extractTicketFacts(t9, { ...CTX, asOf });
    if (!r.ok) throw new Error(r.error.message);
    expect([r.value.resolutions.length, r.value.reopens.length, r.value.openSpans[0]!.to !== null]).toEqual([1, 0, true]);
    expect(r.value.ola[0]!.completions.map((c) => c.verdict.met)).toEqual([true]);
  });
});

describe('failures and degraded facts', () => {
  const b = (): HistoryBuilder => new HistoryBuilder(local('2025-01-13 09:00'), { priority: 3, group: 'G1' });

  it('a ticket without history, or opened after asOf, gives an error with a stable code', () => {
    const empty = { ...kpiSubject('X1', b()), history: [] };
    const r1 = extractTicketFacts({ ticket: empty }, CTX);
    expect(r1.ok ? null : r1.error.code).toBe('history_empty');
    const r2 = extractTicketFacts({ ticket: kpiSubject('X2', b()) }, { ...CTX, asOf: local('2025-01-13 08:59') });
    expect(r2.ok ? null : r2.error.code).toBe('not_yet_opened');
    const r3 = extractTicketFacts({ ticket: kpiSubject('X3', b()) }, { ...CTX, businessCalendarId: 'nope' });
    expect(r3.ok ? null : r3.error.code).toBe('calendar_missing');
  });

  it('clocks that cannot be computed leave the ticket counted but unmeasured, with the reason', () => {
    const ctx: FactsContext = { ...CTX, clocks: context(calendars(E_DEF), [{ ...SLA, calendarId: 'missing' }], OLAS, AS_OF) };
    const r = extractTicketFacts({ ticket: kpiSubject('X4', b().resolve(local('2025-01-13 10:00'))) }, ctx);
    if (!r.ok) throw new Error(r.error.message);
    expect([r.value.resolutions.length, r.value.resolutions[0]!.sla, r.value.problems[0]!.code]).toEqual([1, null, 'clocks_failed']);
  });

  it('business time outside the calendar\'s holiday years is left out, not guessed', () => {
    const ctx: FactsContext = { clocks: context(calendars(E_DEF, D_DEF), [SLA], OLAS, Date.UTC(2031, 5, 1)), asOf: Date.UTC(2031, 5, 1), businessCalendarId: 'D' };
    const t = new HistoryBuilder(Date.UTC(2031, 0, 6, 9), { priority: 3, group: 'G1' }).resolve(Date.UTC(2031, 0, 7, 9));
    const r = extractTicketFacts({ ticket: kpiSubject('X5', t) }, ctx);
    if (!r.ok) throw new Error(r.error.message);
    expect([r.value.resolutions[0]!.businessMs, r.value.resolutions[0]!.calendarMs, r.value.problems.map((p) => p.code)]).toEqual([null, 24 * HOUR_MS, ['business_time_failed']]);
  });

  it('a rating counts at its confirmation, a confirmation without one is no rating, and one outside 1..5 is reported', () => {
    const t = b().resolve(local('2025-01-13 10:00')).write(local('2025-01-14 09:00'), 'confirm', { state: 'Closed' }, 'Requester');
    const rated = (rating: 4 | null, at: string) => extractTicketFacts({ ticket: { ...kpiSubject('X6', t), satisfaction: { rating, comment: null, at } } }, CTX);
    const ok = rated(4, '2025-01-14T09:00:00Z');
    if (!ok.ok) throw new Error(ok.error.message);
    expect(ok.value.ratings.map((r) => [show(r.at), r.rating, r.groupId])).toEqual([['2025-01-14 09:00', 4, 'G1']]);
    const undated = rated(4, 'unknown');
    expect(undated.ok && undated.value.ratings.map((r) => show(r.at))).toEqual(['2025-01-14 09:00']);
    const none = rated(null, '2025-01-14T09:00:00Z');
    expect(none.ok && none.value.ratings).toEqual([]);
    // A history that records the rating as a field change is read as well.
    const inHistory = extractTicketFacts({ ticket: kpiSubject('X7', b().write(local('2025-01-14 09:00'), 'confirm', { satisfaction: 2 }, 'Requester')) }, CTX);
    expect(inHistory.ok && inHistory.value.ratings.map((r) => r.rating)).toEqual([2]);
    const bad = b().write(local('2025-01-14 09:00'), 'confirm', { satisfaction: 9 }, 'Requester');
    const r = extractTicketFacts({ ticket: kpiSubject('X8', bad) }, CTX);
    if (!r.ok) throw new Error(r.error.message);
    expect([r.value.ratings, r.value.problems.map((p) => p.code)]).toEqual([[], ['rating_invalid']]);
  });

  it('a ticket resolved and closed in one instant counts one resolution and one closure', () => {
    const t = b().write(local('2025-01-13 10:00'), 'resolve', { state: 'Resolved' }).write(local('2025-01-13 10:00'), 'close', { state: 'Closed' });
    const r = extractTicketFacts({ ticket: kpiSubject('X9', t) }, CTX);
    if (!r.ok) throw new Error(r.error.message);
    expect([r.value.resolutions.length, r.value.closures.length, r.value.openSpans.length]).toEqual([1, 1, 1]);
  });
});
