// Trend points as chart bars: a short label per week or month for the axis, the value in the axis' unit (durations in
// hours, so the scale reads), and the value in words for the bar's accessible name and the table.
import type { KpiTrendDto, TrendKpi } from '../../../contracts/kpi';
import { formatKpiValue } from '../../../contracts/kpi-format';
import { KPI_CATALOGUE } from '../../../domain/kpi';

export type Grain = KpiTrendDto['grain'];

export interface TrendBar {
  readonly label: string;
  readonly from: string;
  readonly to: string;
  /** 0 when there is no data: the bar is flat and its name says "No data". */
  readonly y: number;
  readonly text: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const HOUR = 3_600_000;

/** 'Mar 2025' for a month, '3 Mar' for the week starting on that date (plain date parts: no time zone involved). */
export function periodLabel(from: string, grain: Grain): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  return grain === 'month' ? `${MONTHS[m - 1]} ${y}` : `${d} ${MONTHS[m - 1]}`;
}

export function axisTitle(kpi: TrendKpi): string {
  const unit = KPI_CATALOGUE[kpi].unit;
  return unit === 'percent' ? 'Per cent' : unit === 'duration' ? 'Hours' : 'Tickets';
}

export function trendBars(trend: KpiTrendDto, kpi: TrendKpi): TrendBar[] {
  const unit = KPI_CATALOGUE[kpi].unit;
  return trend.points.map((p) => {
    const value = p.values[kpi];
    const y = value === null ? 0 : unit === 'duration' ? Math.round((value / HOUR) * 10) / 10 : value;
    return { label: periodLabel(p.from, trend.grain), from: p.from, to: p.to, y, text: formatKpiValue(unit, value) };
  });
}
