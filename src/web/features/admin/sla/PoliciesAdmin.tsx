import { Button, Field, Input, Select, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { SlaPolicyDto } from '../../../../contracts/sla';
import { useReference } from '../../../api-client/use-reference';
import { useSession } from '../../../app/session-context';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { formatInstant } from '../../../components/format';
import { nameOf } from '../../../components/reference-names';
import { formatTarget } from '../../sla/format-clock';
import { getCalendars, getSlaPolicies, getSlaSettings, publishSlaPolicy, putSlaSettings } from '../../sla/sla-api';
import { emptyPolicyForm, pausedByText, targetsText, toRequest, type PolicyFormState } from './policy-form';
import { PolicyFields, fieldErrorsOf } from './PolicyFields';
import { useAdminData } from './use-admin-data';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  region: { overflowX: 'auto', maxWidth: '100%' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '48rem' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-end' },
});

const fromVersion = (p: SlaPolicyDto): PolicyFormState => ({
  key: p.key, name: p.name, calendarKey: p.calendarKey, effectiveFrom: '', targets: targetsText(p.targets), thresholds: p.warningThresholds.join(', '),
  warnOnlyInWorkingHours: p.warnOnlyInWorkingHours,
  pausedBy: pausedByText(p.pausedBy),
});

/** SLA policy versions (only ever added), a form for the next version, and the auto-close setting. */
export function PoliciesAdmin() {
  const styles = useStyles();
  const { api } = useSession();
  const services = useReference(api).data?.services ?? [];
  const load = useCallback(() => Promise.all([getSlaPolicies(api), getCalendars(api), getSlaSettings(api)]), [api]);
  const { data, error, reload } = useAdminData(load);
  const [form, setForm] = useState<(PolicyFormState & { serviceId: string; existing: boolean }) | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [days, setDays] = useState<string | null>(null);

  if (error) return <ErrorMessage title="SLA policies could not be loaded" message={error} />;
  if (!data) return <Spinner label="Loading SLA policies…" />;
  const [{ items }, { items: calendars }, settings] = data;

  async function publish(event: React.FormEvent) {
    event.preventDefault();
    if (!form) return;
    try {
      const saved = await publishSlaPolicy(api, form.key, { ...toRequest(form), serviceId: form.serviceId || null });
      setNotice(`Published ${saved.name}, version ${saved.version}.`);
      setForm(null);
      setErrors({});
      reload();
    } catch (e) {
      setErrors({ ...fieldErrorsOf(e), form: (e as Error).message });
    }
  }

  async function saveDays() {
    try {
      const saved = await putSlaSettings(api, Number(days ?? settings.autoCloseBusinessDays));
      setNotice(`Resolved tickets now close after ${saved.autoCloseBusinessDays} working days.`);
      setErrors({});
      reload();
    } catch (e) {
      setErrors(fieldErrorsOf(e));
    }
  }

  return (
    <div className={styles.page}>
      {notice && <Text role="status">{notice}</Text>}
      <div className={styles.region} role="region" aria-label="SLA policy versions" tabIndex={0}>
        <Table size="small" aria-label="SLA policy versions">
          <TableHeader>
            <TableRow>
              {['Policy', 'Version', 'Service', 'Calendar', 'In force from', 'P1 resolution', 'P3 resolution', 'Published by', 'Actions'].map((h) => (
                <TableHeaderCell key={h}>{h}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((p) => (
              <TableRow key={`${p.key}@${p.version}`}>
                <TableCell>{p.name} ({p.key})</TableCell>
                <TableCell>{p.version}</TableCell>
                <TableCell>{p.serviceId ? nameOf(services, p.serviceId, 'service') : 'Every service'}</TableCell>
                <TableCell>{p.calendarKey}</TableCell>
                <TableCell>{formatInstant(p.effectiveFrom)}</TableCell>
                <TableCell>{p.targets['1'].resolution ? formatTarget(p.targets['1'].resolution) : 'None'}</TableCell>
                <TableCell>{p.targets['3'].resolution ? formatTarget(p.targets['3'].resolution) : 'None'}</TableCell>
                <TableCell>{p.createdByName ?? 'Set up automatically'}</TableCell>
                <TableCell>
                  <Button size="small" onClick={() => setForm({ ...fromVersion(p), serviceId: p.serviceId ?? '', existing: true })} aria-label={`New version of ${p.name}`}>
                    New version
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {!form && (
        <div>
          <Button onClick={() => setForm({ ...emptyPolicyForm(calendars[0]?.key ?? ''), serviceId: '', existing: false })}>Add a policy</Button>
        </div>
      )}
      {form && (
        <form className={styles.form} onSubmit={publish} noValidate aria-label="Publish a policy version">
          <h2>{form.existing ? `New version of ${form.key}` : 'New policy'}</h2>
          {errors.form && <ErrorMessage title="Not published" message={`${errors.form} What you typed is still here.`} />}
          <Field label="Key" required validationMessage={errors.key} hint="Lower case letters, digits and hyphens.">
            <Input value={form.key} disabled={form.existing} onChange={(_, d) => setForm({ ...form, key: d.value })} />
          </Field>
          <Field label="Service" validationMessage={errors.serviceId}>
            <Select value={form.serviceId} disabled={form.existing} onChange={(_, d) => setForm({ ...form, serviceId: d.value })}>
              <option value="">Every service without its own policy</option>
              {services.map((s) => (
                <option key={s.key} value={s.key}>
                  {s.name}
                </option>
              ))}
            </Select>
          </Field>
          <PolicyFields value={form} onChange={(f) => setForm({ ...form, ...f })} errors={errors} calendars={calendars} />
          <div className={styles.row}>
            <Button appearance="primary" type="submit">Publish</Button>
            <Button onClick={() => setForm(null)}>Cancel</Button>
          </div>
        </form>
      )}
      <h2>Closing resolved tickets</h2>
      <div className={styles.row}>
        <Field label="Close resolved tickets after this many working days" validationMessage={errors.autoCloseBusinessDays}>
          <Input type="number" min={1} max={60} value={days ?? String(settings.autoCloseBusinessDays)} onChange={(_, d) => setDays(d.value)} />
        </Field>
        <Button onClick={() => void saveDays()}>Save</Button>
      </div>
    </div>
  );
}
