import { Button, Field, Select, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { KpiSettingsDto } from '../../../../contracts/kpi-settings';
import { KPI_CATALOGUE, KPI_IDS, type KpiId } from '../../../../domain/kpi';
import { useReference } from '../../../api-client/use-reference';
import { useSession } from '../../../app/session-context';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { formatInstant } from '../../../components/format';
import { useAdminData } from '../sla/use-admin-data';
import { getKpiSettings } from './kpi-settings-api';
import { TargetForm, type TargetFormStart } from './TargetForm';
import { bandsText, seriesOf, versionsAround, type TargetSeries } from './target-text';
import { WatermelonMarginForm } from './WatermelonMarginForm';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  region: { overflowX: 'auto', maxWidth: '100%', minWidth: 0 },
  start: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end', minWidth: 0 },
  field: { minWidth: 0, maxWidth: '100%' },
  // A select is as wide as its longest option unless told otherwise; at 320 px that would scroll the page sideways.
  select: { width: '16rem', maxWidth: '100%', '& select': { width: '100%', minWidth: 0, textOverflow: 'ellipsis' } },
  history: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

interface Row {
  readonly kpi: KpiId;
  readonly series: TargetSeries | null;
}

/** Every KPI with each of its target series, or one empty row when it has none. */
function rowsOf(settings: KpiSettingsDto): Row[] {
  const series = seriesOf(settings.targets);
  return KPI_IDS.flatMap((kpi): Row[] => {
    const own = series.filter((s) => s.kpi === kpi);
    return own.length > 0 ? own.map((s) => ({ kpi, series: s })) : [{ kpi, series: null }];
  });
}

/** KPI targets (red, amber, green), versioned like OLA agreements, and the watermelon margin: admins only (issue 7). */
export function KpiTargetsAdmin() {
  const styles = useStyles();
  const { api } = useSession();
  const names = useReference(api).data;
  const load = useCallback(() => getKpiSettings(api), [api]);
  const { data, error } = useAdminData(load);
  const [settings, setSettings] = useState<KpiSettingsDto | null>(null);
  const [form, setForm] = useState<TargetFormStart | null>(null);
  const [startKpi, setStartKpi] = useState<KpiId>('slaResolution');
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => setSettings(data), [data]);

  if (error) return <ErrorMessage title="KPI targets could not be loaded" message={error} />;
  if (!settings) return <Spinner label="Loading KPI targets…" />;

  const saved = (next: KpiSettingsDto, message: string) => {
    setSettings(next);
    setForm(null);
    setNotice(message);
  };
  const now = Date.now();
  const scopeText = (s: TargetSeries | null) => {
    if (!s || (!s.groupId && !s.serviceId)) return 'Any group and service';
    const group = s.groupId ? names?.supportGroups.find((g) => g.key === s.groupId)?.name ?? s.groupId : null;
    const service = s.serviceId ? names?.services.find((x) => x.key === s.serviceId)?.name ?? s.serviceId : null;
    return [group && `Group ${group}`, service && `Service ${service}`].filter(Boolean).join(', ');
  };

  return (
    <div className={styles.page}>
      {notice && <Text role="status">{notice}</Text>}
      <WatermelonMarginForm key={settings.etag ?? 'new'} settings={settings} onSaved={saved} />
      <section aria-labelledby="targets-heading" className={styles.page}>
        <h2 id="targets-heading">Targets</h2>
        <Text as="p">
          Each figure on the dashboard is rated against the target in force when its period starts: green, amber, or red (worse than amber), always with a
          label in words. A change is a new version from a future date, so periods already reported keep their rating.
        </Text>
        <div className={styles.region} role="region" aria-label="KPI targets and their versions" tabIndex={0}>
          <Table size="small" aria-label="KPI targets">
            <TableHeader>
              <TableRow>
                {['KPI', 'Scope', 'In force now', 'Next version', 'Version history', 'Actions'].map((h) => <TableHeaderCell key={h}>{h}</TableHeaderCell>)}
              </TableRow>
            </TableHeader>
            <TableBody>
              {rowsOf(settings).map(({ kpi, series }) => {
                const title = KPI_CATALOGUE[kpi].title;
                const { current, next } = series ? versionsAround(series, now) : { current: null, next: null };
                return (
                  <TableRow key={series?.id ?? kpi} data-kpi-target={series?.id ?? kpi}>
                    <TableCell>{title}</TableCell>
                    <TableCell>{scopeText(series)}</TableCell>
                    <TableCell>{current ? `${bandsText(kpi, current.direction, current.green, current.amber)} Version ${current.version}.` : 'No target set'}</TableCell>
                    <TableCell>{next ? `Version ${next.version} from ${formatInstant(next.effectiveFrom)}: ${bandsText(kpi, next.direction, next.green, next.amber)}` : 'None'}</TableCell>
                    <TableCell>
                      {series ? (
                        <details>
                          <summary>{series.versions.length === 1 ? '1 version' : `${series.versions.length} versions`}</summary>
                          <ol className={styles.history}>
                            {series.versions.map((v) => (
                              <li key={v.version}>
                                Version {v.version}, from {formatInstant(v.effectiveFrom)}: {bandsText(kpi, v.direction, v.green, v.amber)}
                                {v.createdByName ? ` Set by ${v.createdByName}${v.createdAt ? `, ${formatInstant(v.createdAt)}` : ''}.` : ''}
                              </li>
                            ))}
                          </ol>
                        </details>
                      ) : 'None'}
                    </TableCell>
                    <TableCell>
                      <Button size="small" onClick={() => setForm({ kpi, series })} aria-label={series ? `New version of the ${title} target (${scopeText(series)})` : `Set a target for ${title}`}>
                        {series ? 'New version' : 'Set a target'}
                      </Button>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
        <div className={styles.start}>
          <Field label="KPI for a group or service target" className={styles.field}>
            <Select className={styles.select} value={startKpi} onChange={(_, d) => setStartKpi(d.value as KpiId)}>
              {KPI_IDS.map((k) => <option key={k} value={k}>{KPI_CATALOGUE[k].title}</option>)}
            </Select>
          </Field>
          <Button onClick={() => setForm({ kpi: startKpi, series: null })}>Add a target for a group or service</Button>
        </div>
      </section>
      {form && <TargetForm key={`${form.kpi}:${form.series?.id ?? ''}`} start={form} settings={settings} onSaved={saved} onCancel={() => setForm(null)} />}
    </div>
  );
}
