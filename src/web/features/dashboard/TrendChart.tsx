import { Field, makeStyles, Select, Spinner, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import { TREND_KPIS, type TrendKpi } from '../../../contracts/kpi';
import { KPI_CATALOGUE } from '../../../domain/kpi';
import type { DashboardParams } from './kpi-client';

// The chart library (d3 and Fluent charts, about 70 KB gzip) loads after the tiles, in its own chunk.
const TrendSeries = lazy(() => import('./TrendSeries').then((m) => ({ default: m.TrendSeries })));

const useStyles = makeStyles({
  controls: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'end', minWidth: 0 },
  field: { minWidth: 0, maxWidth: '100%' },
  select: { width: '16rem', maxWidth: '100%', '& select': { width: '100%', minWidth: 0, textOverflow: 'ellipsis' } },
  charts: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 24rem), 1fr))', gap: tokens.spacingHorizontalXL, minWidth: 0 },
});

/** One headline figure by week and by month, as Fluent charts with the numbers also in tables. */
export function TrendChart({ params }: { params: DashboardParams }) {
  const styles = useStyles();
  const [kpi, setKpi] = useState<TrendKpi>('resolved');
  return (
    <section aria-labelledby="trend-title">
      <h2 id="trend-title">Trend</h2>
      <div className={styles.controls}>
        <Field label="Figure" className={styles.field}>
          <Select className={styles.select} value={kpi} onChange={(_, d) => setKpi(d.value as TrendKpi)}>
            {TREND_KPIS.map((k) => <option key={k} value={k}>{KPI_CATALOGUE[k].title}</option>)}
          </Select>
        </Field>
      </div>
      <Suspense fallback={<Spinner label="Loading the charts" />}>
        <div className={styles.charts}>
          <TrendSeries params={params} grain="week" kpi={kpi} />
          <TrendSeries params={params} grain="month" kpi={kpi} />
        </div>
      </Suspense>
    </section>
  );
}
