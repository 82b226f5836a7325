import { Field, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { IMPACT_OPTIONS, PRIORITY_WORDS, URGENCY_OPTIONS, priorityFor } from './questions';

const useStyles = makeStyles({
  priority: { padding: tokens.spacingVerticalS, borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}` },
});

interface Props {
  readonly impact: string;
  readonly urgency: string;
  readonly onChange: (patch: { impact?: string; urgency?: string }) => void;
  readonly errors: Readonly<Record<string, string | undefined>>;
  readonly matrix?: readonly (readonly number[])[] | undefined;
}

/** The two plain questions, and the priority they give (shown, never typed). */
export function ImpactUrgency({ impact, urgency, onChange, errors, matrix }: Props) {
  const styles = useStyles();
  const priority = impact && urgency ? priorityFor(Number(impact), Number(urgency), matrix) : null;
  return (
    <>
      <Field label="How many people are affected?" required validationMessage={errors.impact}>
        <RadioGroup name="impact" value={impact} onChange={(_, d) => onChange({ impact: d.value })}>
          {IMPACT_OPTIONS.map((o) => (
            <Radio key={o.value} value={o.value} label={o.label} />
          ))}
        </RadioGroup>
      </Field>
      <Field label="How badly is work blocked?" required validationMessage={errors.urgency}>
        <RadioGroup name="urgency" value={urgency} onChange={(_, d) => onChange({ urgency: d.value })}>
          {URGENCY_OPTIONS.map((o) => (
            <Radio key={o.value} value={o.value} label={o.label} />
          ))}
        </RadioGroup>
      </Field>
      <Text className={styles.priority} role="status" aria-live="polite">
        {priority
          ? `Priority: P${priority} (${PRIORITY_WORDS[priority]}), worked out from your answers.`
          : 'Priority is worked out from your two answers.'}
      </Text>
    </>
  );
}
