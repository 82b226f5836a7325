import { Checkbox, Field, Input, Radio, RadioGroup, Select, Textarea } from '@fluentui/react-components';
import { useReference } from '../../api-client/use-reference';
import { useSession } from '../../app/session-context';
import { PersonPicker } from '../../components/PersonPicker';
import { IMPACT_OPTIONS, URGENCY_OPTIONS } from '../raise/questions';
import type { FieldSpec } from './actions';

interface Props {
  readonly spec: FieldSpec;
  readonly value: string;
  readonly error: string | undefined;
  readonly onChange: (value: string) => void;
  /** The ticket the command is for: the assignee picker offers only people it may be assigned to. */
  readonly ticketNumber: string;
}

const RATINGS = [
  { value: '1', label: '1: very dissatisfied' },
  { value: '2', label: '2: dissatisfied' },
  { value: '3', label: '3: neither' },
  { value: '4', label: '4: satisfied' },
  { value: '5', label: '5: very satisfied' },
];

/** One input of a command form, chosen by its kind; its error shows beside it. */
export function CommandField({ spec, value, error, onChange, ticketNumber }: Props) {
  const { api } = useSession();
  const reference = useReference(api);
  const common = { label: spec.label, required: spec.required ?? false, validationMessage: error, ...(spec.hint ? { hint: spec.hint } : {}) };
  switch (spec.kind) {
    case 'textarea':
      return (
        <Field {...common}>
          <Textarea name={spec.name} value={value} resize="vertical" onChange={(_, d) => onChange(d.value)} />
        </Field>
      );
    case 'text':
      return (
        <Field {...common}>
          <Input name={spec.name} value={value} onChange={(_, d) => onChange(d.value)} />
        </Field>
      );
    case 'checkbox':
      return <Checkbox name={spec.name} label={spec.label} checked={value === 'true'} onChange={(_, d) => onChange(d.checked === true ? 'true' : 'false')} />;
    case 'person':
    case 'assignee':
      return (
        <PersonPicker
          api={api}
          name={spec.name}
          label={spec.label}
          required={spec.required ?? false}
          error={error}
          onSelect={(p) => onChange(p?.id ?? '')}
          {...(spec.kind === 'assignee' ? { assignableTo: ticketNumber } : {})}
        />
      );
    case 'select':
    case 'group': {
      const options = spec.kind === 'group' ? (reference.data?.supportGroups ?? []).map((g) => ({ value: g.key, label: g.name })) : (spec.options ?? []);
      return (
        <Field {...common}>
          <Select name={spec.name} value={value} onChange={(_, d) => onChange(d.value)}>
            <option value="">Choose…</option>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
      );
    }
    case 'rating':
    case 'impact':
    case 'urgency': {
      const options = spec.kind === 'rating' ? RATINGS : spec.kind === 'impact' ? IMPACT_OPTIONS : URGENCY_OPTIONS;
      return (
        <Field {...common}>
          <RadioGroup name={spec.name} value={value} onChange={(_, d) => onChange(d.value)}>
            {options.map((o) => (
              <Radio key={o.value} value={o.value} label={o.label} />
            ))}
          </RadioGroup>
        </Field>
      );
    }
  }
}
