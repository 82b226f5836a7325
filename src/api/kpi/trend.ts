// Headline figures per week (Monday to Sunday) or calendar month across a range, from one read of the cells. The
// first and last points are clipped to the range.
import { isoDateOf, reportingDays } from '../../domain/kpi';
import { TREND_KPIS, type KpiTrendDto, type TrendKpi } from '../../contracts/kpi';
import type { KpiServices } from './kpi-services';
import { datesOf, type DayRange } from './period';
import { figuresFor, loadAggregates, type KpiScope } from './report';

export const MAX_TREND_POINTS = 120;

export function trendRanges(range: DayRange, grain: 'week' | 'month', zone?: string): DayRange[] {
  const days = reportingDays(zone);
  const out: DayRange[] = [];
  let d = range.fromDay;
  while (d < range.toDay) {
    // Day 0 (1970-01-01) was a Thursday: (d + 3) % 7 is 0 on Mondays.
    const next = grain === 'week' ? d - ((d + 3) % 7) + 7 : days.nextMonth(days.monthOf(d));
    out.push({ fromDay: d, toDay: Math.min(next, range.toDay) });
    d = next;
  }
  return out;
}

export async function kpiTrend(services: KpiServices, range: DayRange, grain: 'week' | 'month', scope: KpiScope): Promise<KpiTrendDto> {
  const ranges = trendRanges(range, grain).slice(-MAX_TREND_POINTS);
  // Weeks need the day cells of every month they touch (one query); months only the part-months at the ends.
  const days = reportingDays();
  const agg = grain === 'week'
    ? await loadAggregates(services.cells, [range], [[isoDateOf(days.monthOf(range.fromDay)), isoDateOf(range.toDay)]])
    : await loadAggregates(services.cells, [range]);
  return {
    grain,
    points: ranges.map((r) => {
      const f = figuresFor(agg, r, scope).figures;
      const values = Object.fromEntries(TREND_KPIS.map((k) => [k, f[k].value])) as Record<TrendKpi, number | null>;
      return { ...datesOf(r), values };
    }),
  };
}
