import { Button, Checkbox, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { ApiCallError } from '../../api-client/client';
import { useReference } from '../../api-client/use-reference';
import { useSession } from '../../app/session-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import type { AdminRecord, AdminSectionSpec } from './sections';
import { validateRecord } from './sections';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '36rem' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** Adds or edits one configuration record; errors show beside their fields, and nothing typed is lost. */
export function RecordForm({ spec, initial, onCancel, onSaved }: { spec: AdminSectionSpec; initial: AdminRecord | null; onCancel: () => void; onSaved: (name: string) => void }) {
  const styles = useStyles();
  const { api } = useSession();
  const reference = useReference(api).data;
  const [record, setRecord] = useState<AdminRecord>(initial ?? { isActive: true });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (name: string, value: string | boolean) => setRecord((r) => ({ ...r, [name]: value }));

  async function save(event: React.FormEvent) {
    event.preventDefault();
    const found = validateRecord(spec, record);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      if (initial) await api.put(`${spec.path}/${encodeURIComponent(String(initial.key))}`, record);
      else await api.post(spec.path, record);
      onSaved(String(record.name ?? record.key));
    } catch (e) {
      const fields: Record<string, string> = {};
      if (e instanceof ApiCallError) for (const d of e.details) if (d.field) fields[d.field] = d.message;
      setErrors(fields);
      setFailure((e as Error).message);
      setBusy(false);
    }
  }

  const heading = initial ? `Edit ${String(initial.name ?? initial.key)}` : `Add a ${spec.singular}`;
  return (
    <form className={styles.form} onSubmit={save} noValidate aria-label={heading}>
      <h2>{heading}</h2>
      {failure && <ErrorMessage title="Not saved" message={`${failure} What you typed is still here.`} />}
      {spec.fields.map((f) => {
        const value = record[f.name];
        if (f.kind === 'checkbox') return <Checkbox key={f.name} label={f.label} checked={value === true} onChange={(_, d) => set(f.name, d.checked === true)} />;
        const common = { label: f.label, required: f.required ?? false, validationMessage: errors[f.name], ...(f.hint ? { hint: f.hint } : {}) };
        if (f.kind === 'group' || f.kind === 'service') {
          const options = f.kind === 'group' ? (reference?.supportGroups ?? []) : (reference?.services ?? []);
          return (
            <Field key={f.name} {...common}>
              <Select name={f.name} value={typeof value === 'string' ? value : ''} onChange={(_, d) => set(f.name, d.value)}>
                <option value="">{f.kind === 'service' ? 'Every service' : 'Choose…'}</option>
                {options.map((o) => (
                  <option key={o.key} value={o.key}>
                    {o.name}
                  </option>
                ))}
              </Select>
            </Field>
          );
        }
        return (
          <Field key={f.name} {...common}>
            <Input name={f.name} value={typeof value === 'string' ? value : ''} disabled={Boolean(f.key && initial)} onChange={(_, d) => set(f.name, d.value)} />
          </Field>
        );
      })}
      <div className={styles.buttons}>
        <Button appearance="primary" type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
