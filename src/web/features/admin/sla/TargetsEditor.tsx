import { Field, Input, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { PRIORITIES, UNIT_LABELS, type TargetText, type TargetsText, type UnitChoice } from './policy-form';

const useStyles = makeStyles({
  region: { overflowX: 'auto', maxWidth: '100%' },
  cell: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'flex-start', flexWrap: 'wrap' },
  amount: { width: '6rem' },
});

const KINDS = [
  ['response', 'Response'],
  ['resolution', 'Resolution'],
] as const;

/** Response and resolution targets for P1 to P5; each cell's own error shows beside it. */
export function TargetsEditor({ value, onChange, errors }: { value: TargetsText; onChange: (next: TargetsText) => void; errors: Record<string, string> }) {
  const styles = useStyles();
  const set = (p: (typeof PRIORITIES)[number], kind: 'response' | 'resolution', t: TargetText) => onChange({ ...value, [p]: { ...value[p], [kind]: t } });
  return (
    <div className={styles.region} role="region" aria-label="Targets by priority" tabIndex={0}>
      <Table size="small" aria-label="Targets by priority">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Priority</TableHeaderCell>
            {KINDS.map(([, label]) => (
              <TableHeaderCell key={label}>{label}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {PRIORITIES.map((p) => (
            <TableRow key={p}>
              <TableCell>P{p}</TableCell>
              {KINDS.map(([kind, label]) => {
                const t = value[p][kind];
                const error = errors[`targets.${p}.${kind}`] ?? errors[`targets.${kind}`] ?? errors[`targets.${p}`];
                return (
                  <TableCell key={kind}>
                    <Field validationMessage={error} className={styles.cell}>
                      <Input
                        className={styles.amount}
                        aria-label={`P${p} ${label.toLowerCase()} amount`}
                        inputMode="decimal"
                        value={t.amount}
                        disabled={t.unit === 'none'}
                        onChange={(_, d) => set(p, kind, { ...t, amount: d.value })}
                      />
                      <Select aria-label={`P${p} ${label.toLowerCase()} unit`} value={t.unit} onChange={(_, d) => set(p, kind, { ...t, unit: d.value as UnitChoice })}>
                        {Object.entries(UNIT_LABELS).map(([unit, text]) => (
                          <option key={unit} value={unit}>
                            {text}
                          </option>
                        ))}
                      </Select>
                    </Field>
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
