// OLA clocks: one per assignment to a group, from the assignment to resolution or hand-over.
import { describe, expect, it } from 'vitest';
import { HOUR_MS, MINUTE_MS } from '../calendar/civil-date';
import { E_DEF, local, showLocal } from '../calendar/testing';
import { computeTicketClocks, type ClockContext } from './ticket-clocks';
import type { ClockSubject } from './history-replay';
import type { TicketClocks } from './types';
import { HistoryBuilder, calendars, context, hours, minutes, olaAgreement, slaPolicy, targets } from './testing';

const CALS = calendars(E_DEF);
const G1 = olaAgreement('G1', 'E', targets({ response: minutes(30), resolution: hours(2) }));
const G2 = olaAgreement('G2', 'E', targets({ response: minutes(30), resolution: hours(1) }));
const SLA = slaPolicy('E', targets({ response: hours(1), resolution: hours(8) }));
const START = local('2025-01-13 09:00');

function run(subject: ClockSubject, ctx: ClockContext): TicketClocks {
  const r = computeTicketClocks(subject, ctx);
  if (!r.ok) throw new Error(r.errors[0]!.message);
  return r.value;
}

describe('OLA stints', () => {
  it('a hand-over after the target counts as breached for the group that held it', () => {
    const s = new HistoryBuilder(START, { priority: 3, group: 'G1' }).handover(local('2025-01-13 11:30'), 'G2').subject();
    const [g1] = run(s, context(CALS, [SLA], [G1, G2], local('2025-01-13 12:00'))).ola;
    expect([g1!.resolution!.state, showLocal(g1!.resolution!.breachedAt!), g1!.resolution!.elapsedMs]).toEqual(['breached', '2025-01-13 11:00', 150 * MINUTE_MS]);
  });

  it('a hand-over back to the first group starts a new clock for it', () => {
    const s = new HistoryBuilder(START, { priority: 3, group: 'G1' })
      .handover(local('2025-01-13 09:30'), 'G2')
      .handover(local('2025-01-13 10:00'), 'G1')
      .subject();
    const ola = run(s, context(CALS, [SLA], [G1, G2], local('2025-01-13 10:15'))).ola;
    expect(ola.map((x) => [x.groupId, showLocal(x.assignedAt), x.endedBy, x.resolution!.elapsedMs / MINUTE_MS])).toEqual([
      ['G1', '2025-01-13 09:00', 'handover', 30],
      ['G2', '2025-01-13 09:30', 'handover', 30],
      ['G1', '2025-01-13 10:00', null, 15],
    ]);
    expect(showLocal(ola[2]!.resolution!.dueAt!)).toBe('2025-01-13 12:00');
  });

  it('a hold pauses the OLA of the group holding it; resolution stops it and a reopen resumes it', () => {
    const s = new HistoryBuilder(START, { priority: 3, group: 'G1' })
      .take(local('2025-01-13 09:10'))
      .hold(local('2025-01-13 09:30'), 'AwaitingCaller')
      .resume(local('2025-01-13 10:30'))
      .resolve(local('2025-01-13 11:00'))
      .reopen(local('2025-01-14 09:00'))
      .subject();
    const [g1] = run(s, context(CALS, [SLA], [G1], local('2025-01-14 09:15'))).ola;
    expect(g1!.response!.state).toBe('met');
    expect(g1!.response!.elapsedMs).toBe(10 * MINUTE_MS);
    const r = g1!.resolution!;
    expect([r.state, r.elapsedMs / MINUTE_MS, r.pausedMs / MINUTE_MS]).toEqual(['running', 75, 60]);
    expect(r.segments.map((x) => x.kind)).toEqual(['running', 'paused', 'running', 'stopped', 'running']);
    expect(showLocal(r.dueAt!)).toBe('2025-01-14 10:00');
  });

  it('OLA response: met by a take in the group, by an assignment straight to a person, or by a hand-over', () => {
    const s = new HistoryBuilder(START, { priority: 3, group: 'G1' })
      .handover(local('2025-01-13 09:20'), 'G2')
      .write(local('2025-01-13 10:00'), 'assign', { assignedGroupId: 'G1', assignee: 'p-2' })
      .subject();
    const ola = run(s, context(CALS, [SLA], [G1, G2], local('2025-01-13 11:00'))).ola;
    expect(ola.map((x) => [x.groupId, x.response!.state, x.response!.completedBy, x.response!.elapsedMs / MINUTE_MS])).toEqual([
      ['G1', 'met', 'handover', 20],
      ['G2', 'breached', 'handover', 40],
      ['G1', 'met', 'taken', 0],
    ]);
  });

  it('unassigning ends the stint; a group without an agreement is reported, not counted', () => {
    const s = new HistoryBuilder(START, { priority: 3, group: 'G1' })
      .handover(local('2025-01-13 09:30'), null)
      .handover(local('2025-01-13 10:00'), 'G9')
      .subject();
    const c = run(s, context(CALS, [SLA], [G1], local('2025-01-13 11:00')));
    expect(c.ola.map((x) => [x.groupId, x.endedBy])).toEqual([['G1', 'unassigned']]);
    expect(c.groupsWithoutAgreement).toEqual(['G9']);
  });

  it('uses the agreement version in force when the assignment started; a new version never rewrites old stints', () => {
    const v1 = olaAgreement('G1', 'E', targets({ response: null, resolution: hours(2) }), { effectiveFrom: '2025-01-01T00:00:00Z' });
    const v2 = { ...v1, version: 2, effectiveFrom: '2025-01-14T00:00:00Z', targets: targets({ response: null, resolution: hours(1) }) };
    const s = new HistoryBuilder(START, { priority: 3, group: 'G1' })
      .handover(local('2025-01-13 17:00'), 'G2')
      .handover(local('2025-01-14 09:00'), 'G1')
      .subject();
    const ola = run(s, context(CALS, [SLA], [v2, v1, G2], local('2025-01-14 09:30'))).ola;
    expect(ola.filter((x) => x.groupId === 'G1').map((x) => [x.agreementVersion, x.resolution!.targetMs / HOUR_MS])).toEqual([[1, 2], [2, 1]]);
  });

  it('a priority change mid-stint recomputes the OLA target from the assignment', () => {
    const g = olaAgreement('G1', 'E', targets({ response: null, resolution: hours(4) }, { 1: { response: null, resolution: hours(1) } }));
    const s = new HistoryBuilder(START, { priority: 3, group: 'G1' }).priority(local('2025-01-13 09:30'), 1).subject();
    const [g1] = run(s, context(CALS, [SLA], [g], local('2025-01-13 09:45'))).ola;
    expect([showLocal(g1!.resolution!.dueAt!), g1!.resolution!.markers.length, g1!.resolution!.markers[0]!.toPriority]).toEqual(['2025-01-13 10:00', 1, 1]);
  });
});
