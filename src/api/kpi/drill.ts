// The tickets behind a figure: candidates through indexed queries (open, or opened, resolved or closed since the
// period began: a superset of every population), their facts as of the aggregates' instant, then the domain's
// drill-down, so the list has exactly the tickets the number counts.
import { drillDown, extractTicketFacts, KPI_CATALOGUE, type KpiId, type TicketFacts } from '../../domain/kpi';
import type { KpiDrillDto, KpiDrillRowDto, KpiHandoverDto } from '../../contracts/kpi';
import type { KpiServices } from './kpi-services';
import { datesOf, periodOf, type DayRange } from './period';
import { filterOf, namesOf, type KpiScope } from './report';

const iso = (t: number): string => new Date(t).toISOString();

export function handoverChain(f: TicketFacts): KpiHandoverDto[] {
  return f.stints.map((s) => {
    const ola = f.ola.find((o) => o.groupId === s.groupId && o.assignedAt === s.from);
    return { groupId: s.groupId, from: iso(s.from), to: s.to === null ? null : iso(s.to), heldMs: s.heldMs, targetMs: ola?.resolutionTargetMs ?? null, elapsedMs: ola?.resolutionElapsedMs ?? null };
  });
}

export async function kpiDrill(services: KpiServices, figure: KpiId, range: DayRange, scope: KpiScope): Promise<KpiDrillDto> {
  const period = periodOf(range);
  const meta = await services.cells.readMeta();
  if (!meta) return { figure, ...datesOf(range), asOf: null, rows: [] };
  // Openings need one query; every other population may hold tickets touched by any event since the start.
  const candidates = await services.tickets.touchedSince(new Date(period.from), { onlyOpened: KPI_CATALOGUE[figure].population === 'openedIn', openedBefore: new Date(period.to) });
  const ctx = await services.clocks.context(meta.asOf);
  const facts: TicketFacts[] = [];
  const titles = new Map<string, string>();
  for (const input of candidates) {
    if (Date.parse(input.ticket.openedAt) >= period.to) continue;
    const r = extractTicketFacts(input, ctx);
    if (!r.ok) continue;
    facts.push(r.value);
    titles.set(input.ticket.number, (input.ticket as { title?: string }).title ?? '');
  }
  const byNumber = new Map(facts.map((f) => [f.number, f]));
  const ola = figure === 'olaResolution' || figure === 'olaResponse';
  const rows = drillDown(facts, figure, period, filterOf(scope))
    .map((r): KpiDrillRowDto => ({
      number: r.number, title: titles.get(r.number) ?? '', at: iso(r.at), groupId: r.groupId, serviceId: r.serviceId,
      ...(r.met !== undefined ? { met: r.met } : {}),
      ...(r.stintAssignedAt !== undefined ? { stintAssignedAt: iso(r.stintAssignedAt) } : {}),
      ...(r.backlog !== undefined ? { backlog: r.backlog } : {}),
      ...(ola ? { chain: handoverChain(byNumber.get(r.number)!) } : {}),
    }))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.number.localeCompare(b.number)));
  return { figure, ...datesOf(range), asOf: iso(meta.asOf), rows, names: await namesOf(services) };
}
