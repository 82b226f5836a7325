import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Select, Spinner, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { KpiReportDto } from '../../../contracts/kpi';
import { reportCsv } from '../../../contracts/kpi-csv';
import { reportHtml } from '../../../contracts/kpi-report-html';
import type { KpiId } from '../../../domain/kpi';
import { useReference } from '../../api-client/use-reference';
import { useSession } from '../../app/session-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageTitle } from '../../components/PageTitle';
import { DrillPanel } from './DrillPanel';
import { getKpiReport, monthOf, openPrintable, periodProblems, saveText, type DashboardParams, type PeriodProblems } from './kpi-client';
import { KpiTiles } from './KpiTiles';
import { OlaReview } from './OlaReview';
import { TrendChart } from './TrendChart';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '100%', minWidth: 0 },
  form: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  field: { minWidth: 0, maxWidth: '100%' },
  select: { width: '16rem', maxWidth: '100%', '& select': { width: '100%', minWidth: 0, textOverflow: 'ellipsis' } },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  meta: { color: tokens.colorNeutralForeground2, margin: 0 },
});

/** This month and every group, unless the link says otherwise (#/dashboard?from=&to=&group=&service=). */
function initialParams(): DashboardParams {
  const q = new URLSearchParams(window.location.hash.split('?')[1] ?? '');
  const month = monthOf(new Date());
  const date = (v: string | null, fallback: string) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : fallback);
  return { from: date(q.get('from'), month.from), to: date(q.get('to'), month.to), group: q.get('group') ?? '', service: q.get('service') ?? '' };
}

/** The service owners' dashboard (issue 7): every figure for a period, group and service, from the KPI API. */
export default function DashboardPage() {
  const styles = useStyles();
  const { api, isAdmin } = useSession();
  const reference = useReference(api);
  const [draft, setDraft] = useState<DashboardParams>(initialParams);
  const [params, setParams] = useState<DashboardParams>(draft);
  const [report, setReport] = useState<KpiReportDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [drill, setDrill] = useState<KpiId | null>(null);
  const [problems, setProblems] = useState<PeriodProblems>({});
  const fromInput = useRef<HTMLInputElement>(null);
  const toInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    setError(null);
    getKpiReport(api, params).then((r) => live && setReport(r)).catch((e: Error) => live && (setReport(null), setError(e.message)));
    return () => {
      live = false;
    };
  }, [api, params]);

  // An owner's service list is the services the API scoped them to; an admin picks from every service.
  const services = useMemo(() => {
    const all = reference.data?.services ?? [];
    if (isAdmin || !report?.scope.serviceIds) return all;
    const own = new Set(report.scope.serviceIds);
    return all.filter((s) => own.has(s.key));
  }, [reference.data, report, isAdmin]);

  const set = (patch: Partial<DashboardParams>) => {
    setDraft((d) => ({ ...d, ...patch }));
    if ('from' in patch || 'to' in patch) setProblems((p) => ({ ...('from' in patch ? {} : { from: p.from }), ...('to' in patch ? {} : { to: p.to }) }));
  };
  /** Shows the figures for these choices, or says beside the date what is wrong with it and takes focus there. */
  const apply = (next: DashboardParams) => {
    const p = periodProblems(next);
    setProblems(p);
    if (p.from || p.to) {
      (p.from ? fromInput : toInput).current?.focus();
      return;
    }
    setDrill(null);
    setParams(next);
  };
  // The presets show their month at once, with the group and service chosen in the form.
  const preset = (month: { from: string; to: string }) => {
    const next = { ...draft, ...month };
    setDraft(next);
    apply(next);
  };
  const stale = draft.from !== params.from || draft.to !== params.to;
  const fileName = (ext: string) => `service-report-${params.from}-${params.to}.${ext}`;

  return (
    <div className={styles.page}>
      <PageTitle>Service dashboard</PageTitle>
      <form className={styles.form} onSubmit={(e) => { e.preventDefault(); apply(draft); }} aria-label="Period and scope" noValidate>
        <Field label="From" className={styles.field} validationMessage={problems.from} validationState={problems.from ? 'error' : 'none'}>
          <Input ref={fromInput} type="date" value={draft.from} onChange={(_, d) => set({ from: d.value })} required />
        </Field>
        <Field label="To (included)" className={styles.field} validationMessage={problems.to} validationState={problems.to ? 'error' : 'none'}>
          <Input ref={toInput} type="date" value={draft.to} onChange={(_, d) => set({ to: d.value })} required />
        </Field>
        <Field label="Support group" className={styles.field}>
          <Select className={styles.select} value={draft.group} onChange={(_, d) => set({ group: d.value })}>
            <option value="">All groups</option>
            {(reference.data?.supportGroups ?? []).map((g) => <option key={g.key} value={g.key}>{g.name}</option>)}
          </Select>
        </Field>
        <Field label="Service" className={styles.field}>
          <Select className={styles.select} value={draft.service} onChange={(_, d) => set({ service: d.value })}>
            <option value="">{isAdmin ? 'All services' : 'All my services'}</option>
            {services.map((s) => <option key={s.key} value={s.key}>{s.name}</option>)}
          </Select>
        </Field>
        <div className={styles.actions}>
          <Button type="button" onClick={() => preset(monthOf(new Date()))}>This month</Button>
          <Button type="button" onClick={() => preset(monthOf(new Date(), -1))}>Last month</Button>
          <Button type="submit" appearance="primary">Show figures</Button>
        </div>
      </form>

      {stale ? <p className={styles.meta} data-stale-period>The figures below are for {params.from} to {params.to}. Press Show figures for the dates chosen above.</p> : null}
      {error ? <ErrorMessage title="The figures could not be loaded" message={error} /> : null}
      {!report && !error ? <Spinner label="Loading the figures" /> : null}
      {report ? (
        <>
          <p className={styles.meta} aria-live="polite">
            {report.from} to {report.to}. {report.asOf ? `Figures as of ${new Date(report.asOf).toLocaleString('en-GB')}` : 'The figures have not been computed yet'}
            {report.partial ? ' (the period is not over).' : '.'}
          </p>
          {report.watermelon ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody><MessageBarTitle>Watermelon warning</MessageBarTitle>{report.watermelon.message}</MessageBarBody>
            </MessageBar>
          ) : null}
          <div className={styles.actions}>
            <Button onClick={() => saveText(fileName('csv'), 'text/csv', reportCsv(report))}>Download figures (CSV)</Button>
            <Button onClick={() => openPrintable(fileName('html'), reportHtml(report))}>Printable report</Button>
          </div>
          <section aria-labelledby="figures-title">
            <h2 id="figures-title">Figures</h2>
            <KpiTiles figures={report.figures} onDrill={setDrill} />
          </section>
          {drill ? <DrillPanel figure={drill} params={params} names={report.scope.names} onClose={() => setDrill(null)} /> : null}
          <TrendChart params={params} />
          <OlaReview report={report} params={params} />
        </>
      ) : null}
    </div>
  );
}
