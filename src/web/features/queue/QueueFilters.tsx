import { Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { ServiceDto } from '../../../contracts/api';
import type { QueueFilter } from './filter-sort';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, border: 'none', padding: 0, margin: 0 },
  field: { minWidth: '9rem', flexGrow: 1, maxWidth: '16rem' },
  legend: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

interface Props {
  readonly value: QueueFilter;
  readonly onChange: (f: QueueFilter) => void;
  readonly services: readonly ServiceDto[];
  readonly assignees: readonly string[];
}

/** Filters over the whole queue: state, priority, service, assignee and age. */
export function QueueFilters({ value, onChange, services, assignees }: Props) {
  const styles = useStyles();
  const set = (patch: Partial<QueueFilter>) => onChange({ ...value, ...patch });
  return (
    <fieldset className={styles.row}>
      <legend className={styles.legend}>Filter the queue</legend>
      <Field label="State" className={styles.field}>
        <Select value={value.state} onChange={(_, d) => set({ state: d.value })}>
          <option value="">Any</option>
          <option value="New">New</option>
          <option value="InProgress">In progress</option>
          <option value="OnHold">On hold</option>
        </Select>
      </Field>
      <Field label="Priority" className={styles.field}>
        <Select value={value.priority} onChange={(_, d) => set({ priority: d.value })}>
          <option value="">Any</option>
          {[1, 2, 3, 4, 5].map((p) => (
            <option key={p} value={String(p)}>
              P{p}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Service" className={styles.field}>
        <Select value={value.service} onChange={(_, d) => set({ service: d.value })}>
          <option value="">Any</option>
          {services.map((s) => (
            <option key={s.key} value={s.key}>
              {s.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Assignee" className={styles.field}>
        <Select value={value.assignee} onChange={(_, d) => set({ assignee: d.value })}>
          <option value="">Anyone</option>
          <option value="unassigned">Unassigned</option>
          {assignees.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Age" className={styles.field}>
        <Select value={value.minAgeDays} onChange={(_, d) => set({ minAgeDays: d.value })}>
          <option value="">Any age</option>
          <option value="1">Older than a day</option>
          <option value="7">Older than a week</option>
          <option value="30">Older than 30 days</option>
        </Select>
      </Field>
    </fieldset>
  );
}
