import { describe, expect, it } from 'vitest';
import type { KpiTrendDto } from '../../../contracts/kpi';
import { axisTitle, periodLabel, trendBars } from './trend-data';

const values = (median: number | null, sla: number | null) => ({ opened: 3, resolved: 2, backlog: 1, slaResolution: sla, mttrCalendarMedian: median, reopenRate: 0, onHoldShare: 0 });

describe('trend bars', () => {
  it('labels weeks by their first day and months by name, without time zones', () => {
    expect([periodLabel('2025-03-03', 'week'), periodLabel('2025-12-01', 'month')]).toEqual(['3 Mar', 'Dec 2025']);
  });

  it('gives durations in hours for the axis, the value in words for the name, and flat bars for no data', () => {
    const trend: KpiTrendDto = { grain: 'month', points: [{ from: '2025-01-01', to: '2025-01-31', values: values(5_400_000, 96.5) }, { from: '2025-02-01', to: '2025-02-28', values: values(null, null) }] };
    expect(trendBars(trend, 'mttrCalendarMedian').map((b) => [b.label, b.y, b.text])).toEqual([['Jan 2025', 1.5, '1 h 30 min'], ['Feb 2025', 0, 'No data']]);
    expect(trendBars(trend, 'slaResolution').map((b) => b.text)).toEqual(['96.5 %', 'No data']);
    expect([axisTitle('mttrCalendarMedian'), axisTitle('slaResolution'), axisTitle('opened')]).toEqual(['Hours', 'Per cent', 'Tickets']);
  });
});
