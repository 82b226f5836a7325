import { Field, makeStyles, Radio, RadioGroup, Select, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { TREND_KPIS, type KpiTrendDto, type TrendKpi } from '../../../contracts/kpi';
import { formatKpiValue } from '../../../contracts/kpi-format';
import { KPI_CATALOGUE } from '../../../domain/kpi';
import { useSession } from '../../app/session-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { getKpiTrend, type DashboardParams } from './kpi-client';

const useStyles = makeStyles({
  controls: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'end', minWidth: 0 },
  field: { minWidth: 0, maxWidth: '100%' },
  select: { width: '16rem', maxWidth: '100%', '& select': { width: '100%', minWidth: 0, textOverflow: 'ellipsis' } },
  chart: { display: 'flex', alignItems: 'flex-end', gap: '2px', height: '10rem', borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, margin: `${tokens.spacingVerticalM} 0`, overflow: 'hidden' },
  bar: { flex: '1 1 0', minWidth: '1px', backgroundColor: tokens.colorBrandBackground },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200, '& th, & td': { textAlign: 'left', padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` } },
});

/** A bar per week or month for one headline figure, with the same numbers as a table (the accessible version). */
export function TrendChart({ params }: { params: DashboardParams }) {
  const styles = useStyles();
  const { api } = useSession();
  const [grain, setGrain] = useState<'week' | 'month'>('month');
  const [kpi, setKpi] = useState<TrendKpi>('resolved');
  const [trend, setTrend] = useState<KpiTrendDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    getKpiTrend(api, params, grain).then((t) => live && (setTrend(t), setError(null))).catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [api, params, grain]);
  const unit = KPI_CATALOGUE[kpi].unit;
  const values = trend?.points.map((p) => p.values[kpi]) ?? [];
  const max = Math.max(1, ...values.map((v) => v ?? 0));
  return (
    <section aria-labelledby="trend-title">
      <h2 id="trend-title">Trend</h2>
      <div className={styles.controls}>
        <Field label="Figure" className={styles.field}>
          <Select className={styles.select} value={kpi} onChange={(_, d) => setKpi(d.value as TrendKpi)}>
            {TREND_KPIS.map((k) => <option key={k} value={k}>{KPI_CATALOGUE[k].title}</option>)}
          </Select>
        </Field>
        <RadioGroup layout="horizontal" value={grain} onChange={(_, d) => setGrain(d.value as 'week' | 'month')} aria-label="Trend by">
          <Radio value="week" label="By week" />
          <Radio value="month" label="By month" />
        </RadioGroup>
      </div>
      {error ? <ErrorMessage title="The trend could not be loaded" message={error} /> : null}
      {trend ? (
        <>
          <div className={styles.chart} role="img" aria-label={`${KPI_CATALOGUE[kpi].title} by ${grain}: the table below lists each value.`}>
            {trend.points.map((p) => <div key={p.from} className={styles.bar} style={{ height: `${((p.values[kpi] ?? 0) / max) * 100}%` }} title={`${p.from}: ${formatKpiValue(unit, p.values[kpi])}`} />)}
          </div>
          <details>
            <summary>{KPI_CATALOGUE[kpi].title} by {grain} as a table</summary>
            <table className={styles.table}>
              <thead><tr><th scope="col">From</th><th scope="col">To</th><th scope="col">{KPI_CATALOGUE[kpi].title}</th></tr></thead>
              <tbody>
                {trend.points.map((p) => <tr key={p.from}><td>{p.from}</td><td>{p.to}</td><td>{formatKpiValue(unit, p.values[kpi])}</td></tr>)}
              </tbody>
            </table>
          </details>
        </>
      ) : null}
    </section>
  );
}
