import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { newIdempotencyKey } from '../../api-client/endpoints';
import { ErrorMessage } from '../../components/ErrorMessage';
import type { CommandSpec } from './actions';
import { missingFields } from './actions';
import { CommandField } from './CommandField';
import { ConflictNotice } from './ConflictNotice';
import type { ConflictInfo, RunOutcome } from './use-ticket';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    maxWidth: '40rem',
  },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

interface Props {
  readonly spec: CommandSpec;
  readonly ticketNumber: string;
  readonly run: (action: string, body: Record<string, unknown>, key: string) => Promise<RunOutcome>;
  readonly onDone: (message: string) => void;
  readonly onCancel: () => void;
}

function toBody(spec: CommandSpec, values: Record<string, string>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of spec.fields) {
    const v = values[f.name] ?? '';
    if (f.kind === 'impact' || f.kind === 'urgency' || f.kind === 'rating') {
      if (v) body[f.name] = Number(v);
    } else if (f.kind === 'checkbox') body[f.name] = v === 'true';
    else if (v.trim() !== '') body[f.name] = f.kind === 'text' ? v.trim().toUpperCase() : v;
  }
  return body;
}

/** One command's form. Values stay put after any error; a conflict shows what changed and offers to apply again. */
export function CommandPanel({ spec, ticketNumber, run, onDone, onCancel }: Props) {
  const styles = useStyles();
  const [values, setValues] = useState<Record<string, string>>({});
  const [fields, setFields] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ConflictInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const key = useRef(newIdempotencyKey());
  const headingId = `cmd-${spec.action}`;

  async function submit(event?: React.FormEvent) {
    event?.preventDefault();
    const missing = missingFields(spec, values);
    setFields(missing);
    if (Object.keys(missing).length > 0) {
      document.querySelector<HTMLElement>(`[data-command="${spec.action}"] [name="${Object.keys(missing)[0]}"]`)?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    setConflict(null);
    const outcome = await run(spec.action, toBody(spec, values), key.current);
    setBusy(false);
    if (outcome.ok) return onDone(`${spec.submitLabel ?? spec.label}: done.`);
    setFields(outcome.fields);
    setConflict(outcome.conflict);
    setFailure(outcome.conflict ? null : outcome.message);
  }

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-labelledby={headingId} data-command={spec.action}>
      <h3 id={headingId}>{spec.label}</h3>
      {conflict && <ConflictNotice conflict={conflict} onReapply={() => void submit()} busy={busy} />}
      {failure && <ErrorMessage title={`${spec.label} did not go through`} message={`${failure} What you typed is still here.`} />}
      {spec.fields.map((f) => (
        <CommandField key={f.name} spec={f} value={values[f.name] ?? ''} error={fields[f.name]} ticketNumber={ticketNumber} onChange={(v) => setValues((s) => ({ ...s, [f.name]: v }))} />
      ))}
      <div className={styles.buttons}>
        <Button appearance="primary" type="submit" disabled={busy}>
          {busy ? 'Saving…' : (spec.submitLabel ?? spec.label)}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
