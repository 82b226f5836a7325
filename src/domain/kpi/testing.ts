// Test fixtures: a small hand-built set of tickets on calendar E (Mon-Fri 08:00-18:00, Europe/London) whose figures
// are worked out by hand in figures.test.ts. Not used by production code.
import { E_DEF, local } from '../calendar/testing';
import { HistoryBuilder, calendars, context, hours, minutes, olaAgreement, slaPolicy, targets } from '../sla/testing';
import type { Satisfaction, SatisfactionRating, TicketType } from '../tickets/types';
import { extractTicketFacts, type FactsContext } from './facts';
import type { KpiSubject, KpiTicketInput, TicketFacts } from './types';

export const AS_OF = local('2025-02-10 12:00');
export const SLA = slaPolicy('E', targets({ response: hours(1), resolution: hours(4) }));
export const OLAS = [
  olaAgreement('G1', 'E', targets({ response: minutes(30), resolution: hours(2) })),
  olaAgreement('G2', 'E', targets({ response: minutes(30), resolution: hours(1) })),
  olaAgreement('G3', 'E', targets({ response: minutes(30), resolution: hours(4) })),
];
export const CTX: FactsContext = { clocks: context(calendars(E_DEF), [SLA], OLAS, AS_OF), asOf: AS_OF, businessCalendarId: 'E' };

export function kpiSubject(number: string, b: HistoryBuilder, type: TicketType = 'Incident'): KpiSubject {
  return { ...b.subject(), number, type };
}

const at = local;
const open = (when: string, group: string | null): HistoryBuilder => new HistoryBuilder(at(when), { priority: 3, group, serviceId: 'S1' });
/** As the confirm command does: the entry closes the ticket; the rating and its instant are stored on the ticket. */
const confirm = (b: HistoryBuilder, when: string, rating: SatisfactionRating): { b: HistoryBuilder; satisfaction: Satisfaction } => ({
  b: b.write(at(when), 'confirm', { state: 'Closed' }, 'Requester'),
  satisfaction: { rating, comment: null, at: new Date(at(when)).toISOString() },
});

/** The hand-built set; comments give what each ticket is there to test. */
export function handBuiltSet(): KpiTicketInput[] {
  // T1: simple, resolved within every target, confirmed with a 5.
  const t1 = confirm(open('2025-01-13 09:00', 'G1').take(at('2025-01-13 09:10')).resolve(at('2025-01-13 10:30')), '2025-01-14 10:00', 5);
  // T2: resolved twice in January (reopened by the requester in between).
  const t2 = open('2025-01-07 09:00', 'G1').take(at('2025-01-07 09:05')).resolve(at('2025-01-07 10:00'))
    .reopen(at('2025-01-09 09:00')).resolve(at('2025-01-09 12:00'));
  // T3: opened and resolved in December, closed in January.
  const t3 = open('2024-12-16 09:00', 'G2').take(at('2024-12-16 09:30')).resolve(at('2024-12-20 10:00')).close(at('2025-01-06 09:00'));
  // T4: hand-over chain G1 -> G2 -> G3.
  const t4 = open('2025-01-20 09:00', 'G1').handover(at('2025-01-20 10:00'), 'G2').take(at('2025-01-20 10:15'))
    .handover(at('2025-01-20 12:00'), 'G3').take(at('2025-01-20 13:00')).resolve(at('2025-01-20 14:00'));
  // T5: a day on hold, then confirmed with a 3.
  const t5 = confirm(open('2025-01-22 09:00', 'G2').take(at('2025-01-22 09:10')).hold(at('2025-01-22 10:00'), 'AwaitingCaller')
    .resume(at('2025-01-23 10:00'), 'Requester').resolve(at('2025-01-23 11:00')), '2025-01-24 09:00', 3);
  // T6: still open at the end of January (and at asOf).
  const t6 = open('2025-01-28 09:00', 'G1').take(at('2025-01-28 09:30'));
  // T7: old backlog, on hold since November.
  const t7 = open('2024-11-04 09:00', 'G3').hold(at('2024-11-05 09:00'), 'AwaitingSupplier');
  // T8: cancelled half an hour after it was raised.
  const t8 = open('2025-01-10 09:00', 'G1').cancel(at('2025-01-10 09:30'));
  // T9: resolved in January, reopened and resolved again in February.
  const t9 = open('2025-01-29 09:00', 'G2').take(at('2025-01-29 09:05')).resolve(at('2025-01-29 09:45'))
    .reopen(at('2025-02-03 09:00')).resolve(at('2025-02-03 10:00'));
  const made: Record<string, boolean> = { T1: true, T3: true, T4: false };
  const rated = new Map([[1, t1.satisfaction], [5, t5.satisfaction]]);
  return [t1.b, t2, t3, t4, t5.b, t6, t7, t8, t9].map((b, i) => {
    const number = `T${i + 1}`;
    return { ticket: { ...kpiSubject(number, b), satisfaction: rated.get(i + 1) ?? null }, previousToolMadeSla: made[number] ?? null };
  });
}

export function factsOf(inputs: readonly KpiTicketInput[], ctx: FactsContext = CTX): TicketFacts[] {
  return inputs.map((input) => {
    const r = extractTicketFacts(input, ctx);
    if (!r.ok) throw new Error(`${r.error.ticket}: ${r.error.code} ${r.error.message}`);
    return r.value;
  });
}
