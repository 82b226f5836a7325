import { makeStyles, tokens } from '@fluentui/react-components';
import { VerticalBarChart, type VerticalBarChartDataPoint } from '@fluentui/react-charts';
import { useEffect, useState } from 'react';
import type { KpiTrendDto, TrendKpi } from '../../../contracts/kpi';
import { KPI_CATALOGUE } from '../../../domain/kpi';
import { useSession } from '../../app/session-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { getKpiTrend, type DashboardParams } from './kpi-client';
import { axisTitle, trendBars, type Grain } from './trend-data';

const useStyles = makeStyles({
  chart: { width: '100%', minWidth: 0, overflow: 'hidden' },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200, '& th, & td': { textAlign: 'left', padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` } },
});

const GRAIN_WORD: Record<Grain, string> = { week: 'week', month: 'month' };

/**
 * One figure by week or by month as a Fluent bar chart, named for screen readers, with the same numbers in a table
 * behind a disclosure. A single series in one colour: every value is also in its bar's name and in the table.
 */
export function TrendSeries({ params, grain, kpi }: { params: DashboardParams; grain: Grain; kpi: TrendKpi }) {
  const styles = useStyles();
  const { api } = useSession();
  const [trend, setTrend] = useState<KpiTrendDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    getKpiTrend(api, params, grain).then((t) => live && (setTrend(t), setError(null))).catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [api, params, grain]);

  const title = `${KPI_CATALOGUE[kpi].title} by ${GRAIN_WORD[grain]}`;
  const headingId = `trend-${grain}-title`;
  const bars = trend ? trendBars(trend, kpi) : [];
  const data: VerticalBarChartDataPoint[] = bars.map((b) => ({
    x: b.label,
    y: b.y,
    xAxisCalloutData: `${b.from} to ${b.to}`,
    yAxisCalloutData: b.text,
    callOutAccessibilityData: { ariaLabel: `${b.from} to ${b.to}: ${b.text}` },
  }));
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {error ? <ErrorMessage title={`The trend by ${GRAIN_WORD[grain]} could not be loaded`} message={error} /> : null}
      {trend ? (
        <>
          <div className={styles.chart} data-trend-chart={grain}>
            {bars.every((b) => b.y === 0) ? (
              <p>Nothing to chart: every {GRAIN_WORD[grain]} is zero or has no data (the table lists them).</p>
            ) : (
            <VerticalBarChart
              data={data}
              chartTitle={`${title}. The table below lists each value`}
              height={240}
              hideLegend
              useSingleColor
              xAxisTitle={grain === 'week' ? 'Week starting' : 'Month'}
              yAxisTitle={axisTitle(kpi)}
              margins={{ top: 20, bottom: 60, left: 64, right: 20 }}
              roundCorners
            />
            )}
          </div>
          <details>
            <summary>{title} as a table</summary>
            <table className={styles.table} aria-label={title}>
              <thead><tr><th scope="col">From</th><th scope="col">To</th><th scope="col">{KPI_CATALOGUE[kpi].title}</th></tr></thead>
              <tbody>
                {bars.map((b) => <tr key={b.from}><td>{b.from}</td><td>{b.to}</td><td>{b.text}</td></tr>)}
              </tbody>
            </table>
          </details>
        </>
      ) : null}
    </section>
  );
}
