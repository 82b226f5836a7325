// Rebuilds KPI cells from the tickets' histories with the domain engine. `rebuildAll` folds every ticket into empty
// aggregates and replaces every stored cell (idempotent: the same tickets give the same items). `refreshRecent`
// recomputes the cells of the current month (today's included) from the tickets touched since the month began.
import { AggregateBuilder, DEFAULT_REPORTING_ZONE, extractTicketFacts, isoDateOf, reportingDays, type FactsError, type KpiCell, type KpiTicketInput } from '../../domain/kpi';
import type { KpiCellStore, WriteSummary } from './cell-store';
import type { KpiClockSource } from './clock-source';
import type { KpiTicketSource } from './ticket-source';

export interface KpiRebuildDeps {
  readonly cells: KpiCellStore;
  readonly tickets: KpiTicketSource;
  readonly clocks: KpiClockSource;
  readonly zone?: string;
}

export interface RebuildSummary {
  readonly asOf: string;
  readonly tickets: number;
  readonly skipped: readonly FactsError[];
  readonly cells: number;
  readonly writes: WriteSummary;
  readonly seconds: number;
  /** Tickets whose LastMilestoneDate was missing or wrong and has been written (the full rebuild only). */
  readonly milestonesFilled: number;
}

async function fold(deps: KpiRebuildDeps, inputs: AsyncIterable<KpiTicketInput> | Iterable<KpiTicketInput>, asOf: number) {
  const ctx = await deps.clocks.context(asOf);
  const builder = new AggregateBuilder(asOf, deps.zone ?? DEFAULT_REPORTING_ZONE);
  const skipped: FactsError[] = [];
  for await (const input of inputs) {
    const facts = extractTicketFacts(input, ctx);
    // A ticket the engine cannot read is reported, not guessed at; it is missing from every figure.
    if (facts.ok) builder.add(facts.value);
    else skipped.push(facts.error);
  }
  return { agg: builder.build(), skipped };
}

export async function rebuildAll(deps: KpiRebuildDeps, now: Date): Promise<RebuildSummary> {
  const started = Date.now();
  const asOf = now.getTime();
  // Tickets stored before LastMilestoneDate existed get it first, so the refresh and drill-down find them.
  const milestonesFilled = await deps.tickets.fillMilestoneDates();
  const { agg, skipped } = await fold(deps, deps.tickets.all(), asOf);
  const cells = [...agg.days.values(), ...agg.months.values()];
  const writes = await deps.cells.replace(cells, { asOf, tickets: agg.tickets, zone: agg.zone, rebuiltAt: now.toISOString() }, null);
  return { asOf: now.toISOString(), tickets: agg.tickets, skipped, cells: cells.length, writes, seconds: (Date.now() - started) / 1000, milestonesFilled };
}

/**
 * The current month's day and month cells, from tickets touched since it began. Earlier months keep their cells until
 * the next full rebuild (a ticket resolved last month and again today keeps last month's resolution as final there).
 */
export async function refreshRecent(deps: KpiRebuildDeps, now: Date): Promise<RebuildSummary> {
  const started = Date.now();
  const asOf = now.getTime();
  const zone = deps.zone ?? DEFAULT_REPORTING_ZONE;
  const days = reportingDays(zone);
  const monthStart = days.monthOf(days.dayOf(asOf));
  const since = new Date(days.startOf(monthStart));
  const touched = await deps.tickets.touchedSince(since);
  const { agg, skipped } = await fold(deps, touched, asOf);
  const keep = (c: KpiCell): boolean => c.fromDay >= monthStart;
  const cells = [...agg.days.values(), ...agg.months.values()].filter(keep);
  const previous = await deps.cells.readMeta();
  const meta = { asOf, tickets: previous?.tickets ?? agg.tickets, zone, rebuiltAt: previous?.rebuiltAt ?? now.toISOString() };
  const writes = await deps.cells.replace(cells, meta, isoDateOf(monthStart));
  return { asOf: now.toISOString(), tickets: agg.tickets, skipped, cells: cells.length, writes, seconds: (Date.now() - started) / 1000, milestonesFilled: 0 };
}
