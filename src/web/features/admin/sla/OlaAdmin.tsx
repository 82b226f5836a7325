import { Badge, Button, Checkbox, Field, Input, Select, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { OlaAgreementDto } from '../../../../contracts/sla';
import { useReference } from '../../../api-client/use-reference';
import { useSession } from '../../../app/session-context';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { formatInstant } from '../../../components/format';
import { approveOlaAgreement, draftOlaAgreement, getCalendars, getOlaAgreements } from '../../sla/sla-api';
import { emptyPolicyForm, pausedByText, targetsText, toRequest, type PolicyFormState } from './policy-form';
import { PolicyFields, fieldErrorsOf } from './PolicyFields';
import { useAdminData } from './use-admin-data';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  region: { overflowX: 'auto', maxWidth: '100%' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '48rem' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

type Draft = PolicyFormState & { groupKey: string; note: string; publish: boolean; existing: boolean };

const fromVersion = (a: OlaAgreementDto): Draft => ({
  key: a.key, name: a.name, calendarKey: a.calendarKey, effectiveFrom: '', targets: targetsText(a.targets), thresholds: a.warningThresholds.join(', '),
  warnOnlyInWorkingHours: a.warnOnlyInWorkingHours, pausedBy: pausedByText(a.pausedBy), groupKey: a.groupKey, note: '', publish: false, existing: true,
});

/** OLA agreements: service owners draft versions for their services' groups; admins approve, which publishes them. */
export function OlaAdmin() {
  const styles = useStyles();
  const { api, isAdmin } = useSession();
  const groups = useReference(api).data?.supportGroups ?? [];
  const load = useCallback(() => Promise.all([getOlaAgreements(api), getCalendars(api)]), [api]);
  const { data, error, reload } = useAdminData(load);
  const [form, setForm] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);

  if (error) return <ErrorMessage title="OLA agreements could not be loaded" message={error} />;
  if (!data) return <Spinner label="Loading OLA agreements…" />;
  const [{ items }, { items: calendars }] = data;

  async function save(event: React.FormEvent) {
    event.preventDefault();
    if (!form) return;
    try {
      const saved = await draftOlaAgreement(api, form.key, { ...toRequest(form), groupKey: form.groupKey, note: form.note || null, ...(form.publish ? { publish: true } : {}) });
      setNotice(saved.status === 'Approved' ? `Published ${saved.name}, version ${saved.version}.` : `Saved ${saved.name} version ${saved.version} as a draft for an admin to approve.`);
      setForm(null);
      setErrors({});
      reload();
    } catch (e) {
      setErrors({ ...fieldErrorsOf(e), form: (e as Error).message });
    }
  }

  async function approve(a: OlaAgreementDto) {
    try {
      await approveOlaAgreement(api, a.key, a.version);
      setNotice(`Approved ${a.name}, version ${a.version}: it applies to assignments from ${formatInstant(a.effectiveFrom)}.`);
      reload();
    } catch (e) {
      setNotice(`Not approved: ${(e as Error).message}`);
    }
  }

  return (
    <div className={styles.page}>
      {notice && <Text role="status">{notice}</Text>}
      <div className={styles.region} role="region" aria-label="OLA agreement versions" tabIndex={0}>
        <Table size="small" aria-label="OLA agreement versions">
          <TableHeader>
            <TableRow>
              {['Agreement', 'Version', 'Group', 'Status', 'In force from', 'Drafted by', 'Approved by', 'Actions'].map((h) => (
                <TableHeaderCell key={h}>{h}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((a) => (
              <TableRow key={`${a.key}@${a.version}`}>
                <TableCell>{a.name} ({a.key})</TableCell>
                <TableCell>{a.version}</TableCell>
                <TableCell>{groups.find((g) => g.key === a.groupKey)?.name ?? a.groupKey}</TableCell>
                <TableCell>
                  <Badge appearance="tint" color={a.status === 'Approved' ? 'success' : 'informative'}>
                    {a.status}
                  </Badge>
                </TableCell>
                <TableCell>{formatInstant(a.effectiveFrom)}</TableCell>
                <TableCell>{a.draftedByName ?? 'Set up automatically'}</TableCell>
                <TableCell>{a.approvedAt ? `${a.approvedByName ?? ''} ${formatInstant(a.approvedAt)}` : 'Not yet'}</TableCell>
                <TableCell className={styles.row}>
                  {isAdmin && a.status === 'Draft' && (
                    <Button size="small" appearance="primary" onClick={() => void approve(a)} aria-label={`Approve ${a.name} version ${a.version}`}>
                      Approve
                    </Button>
                  )}
                  <Button size="small" onClick={() => setForm(fromVersion(a))} aria-label={`Draft a new version of ${a.name}`}>
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
          <Button onClick={() => setForm({ ...emptyPolicyForm(calendars[0]?.key ?? ''), groupKey: groups[0]?.key ?? '', note: '', publish: false, existing: false })}>Draft an agreement</Button>
        </div>
      )}
      {form && (
        <form className={styles.form} onSubmit={save} noValidate aria-label="Draft an OLA agreement version">
          <h2>{form.existing ? `New version of ${form.key}` : 'New agreement'}</h2>
          {errors.form && <ErrorMessage title="Not saved" message={`${errors.form} What you typed is still here.`} />}
          <Field label="Key" required validationMessage={errors.key}>
            <Input value={form.key} disabled={form.existing} onChange={(_, d) => setForm({ ...form, key: d.value })} />
          </Field>
          <Field label="Support group" required validationMessage={errors.groupKey}>
            <Select value={form.groupKey} disabled={form.existing} onChange={(_, d) => setForm({ ...form, groupKey: d.value })}>
              {groups.map((g) => (
                <option key={g.key} value={g.key}>
                  {g.name}
                </option>
              ))}
            </Select>
          </Field>
          <PolicyFields value={form} onChange={(f) => setForm({ ...form, ...f })} errors={errors} calendars={calendars} />
          <Field label="Note for the approver">
            <Textarea value={form.note} onChange={(_, d) => setForm({ ...form, note: d.value })} />
          </Field>
          {isAdmin && <Checkbox label="Approve it now (publish)" checked={form.publish} onChange={(_, d) => setForm({ ...form, publish: d.checked === true })} />}
          <div className={styles.row}>
            <Button appearance="primary" type="submit">{form.publish ? 'Publish' : 'Save draft'}</Button>
            <Button onClick={() => setForm(null)}>Cancel</Button>
          </div>
        </form>
      )}
    </div>
  );
}
