// A deterministic synthetic ticket set with realistic histories, for the huge-input test and the KPI bench. Shaped
// like the imported log: about 5.6 history entries a ticket, a year of openings in working hours, hand-overs, holds,
// reopens, closures a few days after resolution, some ratings, some still open. Not used by production code.
import { HOUR_MS, MINUTE_MS } from '../calendar/civil-date';
import { seededRandom } from '../calendar/testing';
import { HistoryBuilder } from '../sla/testing';
import type { HoldReason, Priority, Satisfaction, SatisfactionRating } from '../tickets/types';
import type { KpiTicketInput } from './types';

export interface SyntheticOptions {
  readonly tickets: number;
  readonly seed: number;
  /** Openings are spread over [from, to). */
  readonly from: number;
  readonly to: number;
  readonly groups?: number;
  readonly services?: number;
}

const REASONS: readonly HoldReason[] = ['AwaitingCaller', 'AwaitingSupplier', 'AwaitingChange', 'AwaitingOther'];

export function syntheticTickets(o: SyntheticOptions): KpiTicketInput[] {
  const random = seededRandom(o.seed);
  const int = (n: number): number => Math.floor(random() * n);
  const groups = Array.from({ length: o.groups ?? 20 }, (_, i) => `G${i + 1}`);
  const services = Array.from({ length: o.services ?? 8 }, (_, i) => `S${i + 1}`);
  // A few groups take most of the work, as in the real log.
  const pickGroup = (): string => groups[Math.min(groups.length - 1, Math.floor(groups.length * random() * random()))]!;
  const gap = (maxHours: number): number => Math.max(MINUTE_MS, Math.floor(random() * random() * maxHours * HOUR_MS / MINUTE_MS) * MINUTE_MS);
  const days = Math.floor((o.to - o.from) / (24 * HOUR_MS));
  const out: KpiTicketInput[] = [];
  for (let n = 0; n < o.tickets; n++) {
    // Opening: a random day, between 07:00 and 19:00 UTC, on the minute.
    let t = o.from + int(days) * 24 * HOUR_MS + (7 * 60 + int(12 * 60)) * MINUTE_MS;
    const b = new HistoryBuilder(t, { priority: (2 + int(4)) as Priority, group: pickGroup(), serviceId: services[int(services.length)]! });
    let resolved = false;
    let satisfaction: Satisfaction | null = null;
    // Most tickets are taken by someone in the first group soon after they arrive.
    if (random() < 0.8) {
      t += gap(4);
      b.take(t, `p-${int(200)}`);
    }
    const steps = 2 + int(6);
    for (let i = 0; i < steps && !resolved; i++) {
      t += gap(24);
      const r = random();
      if (r < 0.16) b.handover(t, pickGroup());
      else if (r < 0.28) {
        b.hold(t, REASONS[int(REASONS.length)]!);
        t += gap(96);
        b.resume(t);
      } else if (r < 0.32) b.priority(t, (1 + int(5)) as Priority);
      else if (r < 0.55) b.take(t, `p-${int(200)}`);
      else if (r < 0.66) b.note(t);
      else if (r < 0.67) {
        b.cancel(t);
        resolved = true;
      } else {
        b.resolve(t);
        resolved = true;
        if (random() < 0.06) {
          t += gap(72);
          b.reopen(t);
          t += gap(24);
          b.resolve(t);
        }
      }
    }
    if (!resolved && random() < 0.9) {
      t += gap(24);
      b.resolve(t);
      resolved = true;
    }
    if (resolved && random() < 0.9) {
      t += gap(120);
      if (random() < 0.3) {
        b.write(t, 'confirm', { state: 'Closed' }, 'Requester');
        satisfaction = { rating: (1 + int(5)) as SatisfactionRating, comment: null, at: new Date(t).toISOString() };
      } else b.close(t);
    }
    const made = random();
    out.push({ ticket: { ...b.subject(), number: `INC${String(n + 1).padStart(7, '0')}`, type: 'Incident', satisfaction }, previousToolMadeSla: made < 0.1 ? null : made < 0.75 });
  }
  return out;
}
