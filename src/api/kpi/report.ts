// Every figure for a period and scope, read from the aggregate cells (never from the ticket list), rated against the
// targets in force, with the watermelon warning and the OLA rows. The API, `npm run report` and the exports all call
// this, so they print the same numbers.
import { aggregatesFromCells, computeKpiFigures, computeOlaByGroup, evaluateFigure, evaluateFigures, isoDateOf, KPI_CATALOGUE, KPI_IDS, POPULATION_TEXT, selectKpiTarget, watermelonWarning, type Figure, type KpiAggregates, type KpiFigures, type KpiFilter, type TargetEvaluation } from '../../domain/kpi';
import type { KpiFigureDto, KpiReportDto } from '../../contracts/kpi';
import { formatKpiValue } from '../../contracts/kpi-format';
import type { KpiCellStore } from './cell-store';
import { readKpiSettings } from './kpi-settings';
import type { KpiServices } from './kpi-services';
import { datesOf, dayRangesFor, periodOf, previousRange, type DayRange } from './period';

export interface KpiScope {
  /** null: every group (or service). */
  readonly groupIds: readonly string[] | null;
  readonly serviceIds: readonly string[] | null;
}

export const filterOf = (s: KpiScope): KpiFilter => ({ ...(s.groupIds ? { groupIds: s.groupIds } : {}), ...(s.serviceIds ? { serviceIds: s.serviceIds } : {}) });

export function figureDto(f: Figure, e: TargetEvaluation): KpiFigureDto {
  const d = KPI_CATALOGUE[f.kpi];
  return {
    id: f.kpi, title: d.title, unit: f.unit, population: f.population, populationText: POPULATION_TEXT[f.population],
    definition: { numerator: d.numerator, denominator: d.denominator, clock: d.clock },
    populationSize: f.populationSize, value: f.value, display: formatKpiValue(f.unit, f.value),
    numerator: f.numerator, denominator: f.denominator, excluded: f.excluded,
    target: e.target, status: e.status, statusLabel: e.label,
    ...(f.byPolicy ? { byPolicy: f.byPolicy } : {}), ...(f.buckets ? { buckets: f.buckets } : {}),
    ...(f.distribution ? { distribution: f.distribution } : {}), ...(f.atStart !== undefined ? { atStart: f.atStart } : {}),
  };
}

/** Aggregates holding every cell the ranges need (month cells up to the latest end, day cells at part-month ends). */
export async function loadAggregates(cells: KpiCellStore, ranges: readonly DayRange[], dayRanges: [string, string][] = dayRangesFor(ranges)): Promise<KpiAggregates> {
  const end = Math.max(...ranges.map((r) => r.toDay));
  const [stored, meta] = await Promise.all([cells.readCells(isoDateOf(end), dayRanges), cells.readMeta()]);
  return aggregatesFromCells(stored, meta?.asOf ?? 0, meta?.tickets ?? 0, meta?.zone);
}

export function figuresFor(agg: KpiAggregates, range: DayRange, scope: KpiScope): KpiFigures {
  const result = computeKpiFigures(agg, { period: periodOf(range, agg.zone), ...filterOf(scope) });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

export async function namesOf(services: KpiServices): Promise<Record<string, string>> {
  const [groups, svcs] = await Promise.all([services.layer.reference.supportGroups(), services.layer.reference.services()]);
  return Object.fromEntries([...groups.map((g) => [g.key, g.name] as const), ...svcs.map((s) => [s.key, s.name] as const)]);
}

export async function kpiReport(services: KpiServices, range: DayRange, scope: KpiScope): Promise<KpiReportDto> {
  const previous = previousRange(range);
  const [agg, settings, names] = await Promise.all([loadAggregates(services.cells, [range, previous]), readKpiSettings(services.layer.config), namesOf(services)]);
  const current = figuresFor(agg, range, scope);
  const before = figuresFor(agg, previous, scope);
  // A target for one group or service applies when the scope is exactly that one.
  const target = { groupId: scope.groupIds?.length === 1 ? scope.groupIds[0]! : null, serviceId: scope.serviceIds?.length === 1 ? scope.serviceIds[0]! : null };
  const ratings = evaluateFigures(current, settings.targets, target);
  const warning = watermelonWarning(current, before, ratings.slaResolution, settings.watermelonMarginPoints);
  const ola = computeOlaByGroup(agg, { period: current.period, ...filterOf(scope) }) ?? [];
  const rate = (f: Figure, groupId: string): KpiFigureDto =>
    figureDto(f, evaluateFigure(f, selectKpiTarget(settings.targets, f.kpi, current.period.from, { groupId, serviceId: target.serviceId })));
  return {
    ...datesOf(range),
    previous: datesOf(previous),
    asOf: agg.asOf > 0 ? new Date(agg.asOf).toISOString() : null,
    partial: current.partial,
    scope: { groupIds: scope.groupIds, serviceIds: scope.serviceIds, names },
    figures: KPI_IDS.map((id) => figureDto(current.figures[id], ratings[id])),
    watermelon: warning ? { message: warning.message, marginPoints: settings.watermelonMarginPoints, rises: warning.rises } : null,
    watermelonMarginPoints: settings.watermelonMarginPoints,
    olaByGroup: ola.map((r) => ({ groupId: r.groupId, groupName: names[r.groupId] ?? r.groupId, resolution: rate(r.resolution, r.groupId), response: rate(r.response, r.groupId) })),
  };
}
