import { Checkbox, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { CalendarDto } from '../../../../contracts/sla';
import { HOLD_REASONS, type HoldReasonKey, type PolicyFormState } from './policy-form';
import { TargetsEditor } from './TargetsEditor';

const useStyles = makeStyles({
  reasons: { border: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  legend: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS },
});

const REASON_WORDS: Record<HoldReasonKey, string> = {
  AwaitingCaller: 'awaiting the caller',
  AwaitingSupplier: 'awaiting a supplier',
  AwaitingChange: 'awaiting a change',
  AwaitingOther: 'awaiting something else',
  AwaitingProblem: 'awaiting a problem fix',
};

interface Props {
  readonly value: PolicyFormState;
  readonly onChange: (next: PolicyFormState) => void;
  readonly errors: Record<string, string>;
  readonly calendars: readonly CalendarDto[];
}

/** What SLA policies and OLA agreements share: name, calendar, start, targets, warnings and pause rules. */
export function PolicyFields({ value: f, onChange, errors, calendars }: Props) {
  const styles = useStyles();
  const set = <K extends keyof PolicyFormState>(k: K, v: PolicyFormState[K]) => onChange({ ...f, [k]: v });
  const toggle = (kind: 'response' | 'resolution', reason: HoldReasonKey, on: boolean) =>
    set('pausedBy', { ...f.pausedBy, [kind]: on ? [...f.pausedBy[kind], reason] : f.pausedBy[kind].filter((r) => r !== reason) });
  return (
    <>
      <Field label="Name" required validationMessage={errors.name}>
        <Input value={f.name} onChange={(_, d) => set('name', d.value)} />
      </Field>
      <Field label="Calendar" required validationMessage={errors.calendarKey}>
        <Select value={f.calendarKey} onChange={(_, d) => set('calendarKey', d.value)}>
          {calendars.map((c) => (
            <option key={c.key} value={c.key}>
              {c.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="In force from" hint="Empty: now. Never earlier than now: clocks already started keep the version they began with." validationMessage={errors.effectiveFrom}>
        <Input type="datetime-local" value={f.effectiveFrom} onChange={(_, d) => set('effectiveFrom', d.value)} />
      </Field>
      <TargetsEditor value={f.targets} onChange={(t) => set('targets', t)} errors={errors} />
      <Field label="Warn at these percentages of each target" hint="For example 50, 75, 100." validationMessage={errors.warningThresholds}>
        <Input value={f.thresholds} onChange={(_, d) => set('thresholds', d.value)} />
      </Field>
      <Checkbox label="Send warnings only in the calendar's working hours" checked={f.warnOnlyInWorkingHours} onChange={(_, d) => set('warnOnlyInWorkingHours', d.checked === true)} />
      {(['response', 'resolution'] as const).map((kind) => (
        <fieldset key={kind} className={styles.reasons}>
          <legend className={styles.legend}>On hold pauses the {kind} clock when</legend>
          {HOLD_REASONS.map((r) => (
            <Checkbox key={r} label={REASON_WORDS[r]} checked={f.pausedBy[kind].includes(r)} onChange={(_, d) => toggle(kind, r, d.checked === true)} />
          ))}
          {errors[`pausedBy.${kind}`] && <span role="alert">{errors[`pausedBy.${kind}`]}</span>}
        </fieldset>
      ))}
    </>
  );
}

/** Field messages from an API refusal, by field. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const details = (error as { details?: readonly { field?: string; message: string }[] }).details ?? [];
  for (const d of details) if (d.field && !out[d.field]) out[d.field] = d.message;
  return out;
}
