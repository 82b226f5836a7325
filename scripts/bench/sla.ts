// SLA calendar benchmark: adding business time and measuring it between instants on calendar D (Mon-Fri 09:00-17:00,
// Europe/London, England and Wales bank holidays), with a naive minute-by-minute walk beside it for scale.
// Run: npx tsx scripts/bench/sla.ts   (or through scripts/bench/index.ts as `npm run bench -- sla`)
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { addBusinessTime, businessTimeBetween } from '../../src/domain/calendar/business-time';
import { compileCalendar, type BusinessCalendar } from '../../src/domain/calendar/compile';
import { referenceAdd, referenceBetween, referenceCalendar } from '../../src/domain/calendar/reference-walk';
import { D_DEF, seededRandom } from '../../src/domain/calendar/testing';
import { computeTicketClocks } from '../../src/domain/sla/ticket-clocks';
import { HistoryBuilder, businessDays, calendars, context, hours, olaAgreement, slaPolicy, targets } from '../../src/domain/sla/testing';
import type { HoldReason, Priority } from '../../src/domain/tickets/types';

const PAIRS = 10_000;
const NAIVE_PAIRS = 200;
const RUNS = 9;
const SEED = 20_240_331;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const MIN_TARGET = HOUR; // 1 business hour
const MAX_TARGET = 20 * 8 * HOUR; // 20 business days of 8 hours on calendar D

interface Pair {
  readonly start: number;
  readonly target: number;
}

/** Fixed pairs: minute-aligned starts spread over 2020-2029, targets from 1 business hour to 20 business days. */
function makePairs(): Pair[] {
  const random = seededRandom(SEED);
  const from = Date.UTC(2020, 0, 1);
  const span = Date.UTC(2030, 0, 1) - from;
  return Array.from({ length: PAIRS }, () => ({
    start: from + Math.floor((random() * span) / MINUTE) * MINUTE,
    target: MIN_TARGET + Math.floor((random() * (MAX_TARGET - MIN_TARGET)) / MINUTE) * MINUTE,
  }));
}

function freshCalendar(): BusinessCalendar {
  const r = compileCalendar(D_DEF);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.value;
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
const fmt = (n: number): string => Math.round(n).toLocaleString('en-GB');

/** Times `op` over every pair; returns operations per second. */
function timeRun(pairs: readonly Pair[], op: (p: Pair, i: number) => void): number {
  const t0 = performance.now();
  for (let i = 0; i < pairs.length; i++) op(pairs[i]!, i);
  return pairs.length / ((performance.now() - t0) / 1000);
}

/** Per-operation latency of one instrumented pass, in microseconds (median, p95). */
function latencies(pairs: readonly Pair[], op: (p: Pair, i: number) => void): [number, number] {
  const us: number[] = [];
  for (let i = 0; i < pairs.length; i++) {
    const t0 = performance.now();
    op(pairs[i]!, i);
    us.push((performance.now() - t0) * 1000);
  }
  us.sort((a, b) => a - b);
  return [percentile(us, 50), percentile(us, 95)];
}

function report(name: string, cold: number, rates: number[], lat: [number, number], naive: number): void {
  const sorted = [...rates].sort((a, b) => a - b);
  // The p95 rate is the slow tail: 95 % of runs were at least this fast.
  console.log(
    `${name.padEnd(26)} median ${fmt(percentile(sorted, 50)).padStart(11)} ops/s   p95 ${fmt(percentile([...rates].sort((a, b) => b - a), 95)).padStart(11)} ops/s` +
      `   first (cold cache) ${fmt(cold).padStart(10)} ops/s   per op median ${lat[0].toFixed(2)} us, p95 ${lat[1].toFixed(2)} us` +
      `   | naive minute walk (${NAIVE_PAIRS} pairs) ${fmt(naive)} ops/s`,
  );
}

const TICKETS = 24_918;

/** Recomputes every clock of as many synthetic tickets as the imported log has, with seeded histories of 2-14 entries. */
function recomputeTickets(): void {
  const random = seededRandom(SEED + 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const groups = ['G1', 'G2', 'G3', 'G4', 'G5'];
  const reasons: HoldReason[] = ['AwaitingCaller', 'AwaitingSupplier', 'AwaitingChange', 'AwaitingOther'];
  const from = Date.UTC(2020, 0, 1);
  const span = Date.UTC(2029, 11, 1) - from;
  const subjects = Array.from({ length: TICKETS }, () => {
    let t = from + Math.floor((random() * span) / MINUTE) * MINUTE;
    const b = new HistoryBuilder(t, { priority: (1 + Math.floor(random() * 5)) as Priority, group: pick(groups) });
    const steps = 1 + Math.floor(random() * 13);
    let state: 'open' | 'held' | 'resolved' = 'open';
    for (let i = 0; i < steps; i++) {
      t += Math.floor(5 + random() * 2 * 24 * 60) * MINUTE;
      const r = random();
      if (state === 'held') {
        b.resume(t);
        state = 'open';
      } else if (state === 'resolved') {
        b.reopen(t);
        state = 'open';
      } else if (r < 0.3) b.take(t, `p-${Math.floor(random() * 50)}`);
      else if (r < 0.5) {
        b.hold(t, pick(reasons));
        state = 'held';
      } else if (r < 0.65) b.handover(t, pick(groups));
      else if (r < 0.75) b.priority(t, (1 + Math.floor(random() * 5)) as Priority);
      else {
        b.resolve(t);
        state = 'resolved';
      }
    }
    return b.subject();
  });
  const sla = slaPolicy('D', targets({ response: hours(1), resolution: businessDays(5) }, { 1: { response: hours(0.25), resolution: hours(4) } }));
  const olas = groups.map((g) => olaAgreement(g, 'D', targets({ response: hours(1), resolution: hours(16) })));
  const ctx = context(calendars(D_DEF), [sla], olas, Date.UTC(2030, 5, 1));
  const t0 = performance.now();
  let failures = 0;
  let clocks = 0;
  for (const subject of subjects) {
    const r = computeTicketClocks(subject, ctx);
    if (!r.ok) failures++;
    else clocks += 2 + 2 * r.value.ola.length;
  }
  const seconds = (performance.now() - t0) / 1000;
  console.log(`recompute all clocks of ${fmt(TICKETS)} synthetic tickets (${fmt(clocks)} clocks, ${failures} failures): ${seconds.toFixed(2)} s (target < 5 s)`);
}

export async function runSlaBench(): Promise<void> {
  const pairs = makePairs();
  const cal = freshCalendar();
  const dues = new Float64Array(PAIRS);
  const add = (p: Pair, i: number): void => {
    const r = addBusinessTime(cal, p.start, p.target);
    if (!r.ok) throw new Error(r.errors[0]!.message);
    dues[i] = r.value;
  };
  const between = (p: Pair, i: number): void => {
    const r = businessTimeBetween(cal, p.start, dues[i]!);
    if (!r.ok || r.value !== p.target) throw new Error(`between disagrees with add for pair ${i}`);
  };
  console.log(`SLA calendar bench: ${fmt(PAIRS)} pairs on calendar D (seed ${SEED}), ${RUNS} runs each, Node ${process.version}`);

  const addCold = timeRun(pairs, add);
  const addRates = Array.from({ length: RUNS }, () => timeRun(pairs, add));
  const betweenCold = timeRun(pairs, between);
  const betweenRates = Array.from({ length: RUNS }, () => timeRun(pairs, between));
  const addLat = latencies(pairs, add);
  const betweenLat = latencies(pairs, between);

  const subset = pairs.slice(0, NAIVE_PAIRS);
  const slow = referenceCalendar(D_DEF);
  let disagreements = 0;
  const naiveDues: number[] = [];
  const naiveAdd = timeRun(subset, (p, i) => {
    naiveDues.push(referenceAdd(slow, p.start, p.target));
    if (naiveDues[i] !== dues[i]) disagreements++;
  });
  const naiveBetween = timeRun(subset, (p, i) => {
    if (referenceBetween(slow, p.start, naiveDues[i]!) !== p.target) disagreements++;
  });

  report('add business time', addCold, addRates, addLat, naiveAdd);
  report('business time between', betweenCold, betweenRates, betweenLat, naiveBetween);
  console.log(`naive walk agrees with the engine on ${NAIVE_PAIRS * 2 - disagreements} of ${NAIVE_PAIRS * 2} results; target: >= 100,000 ops/s`);
  if (disagreements > 0) process.exitCode = 1;
  recomputeTickets();
  console.log('the same for the 24,918 tickets of the real log, imported into a store and read back: npm run bench -- sla-imported');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runSlaBench();
}
