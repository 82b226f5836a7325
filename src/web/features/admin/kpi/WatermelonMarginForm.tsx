import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { KpiSettingsDto } from '../../../../contracts/kpi-settings';
import { watermelonMarginProblem } from '../../../../domain/kpi';
import { useSession } from '../../../app/session-context';
import { formatInstant } from '../../../components/format';
import { setWatermelonMargin } from './kpi-settings-api';

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  input: { width: '8rem' },
});

/** The margin by which the on-hold share or reopen rate must rise, while SLA compliance is green, to warn. */
export function WatermelonMarginForm({ settings, onSaved }: { settings: KpiSettingsDto; onSaved: (saved: KpiSettingsDto, notice: string) => void }) {
  const styles = useStyles();
  const { api } = useSession();
  const [text, setText] = useState(String(settings.watermelonMarginPoints));
  const [error, setError] = useState<string | undefined>();

  async function save(event: React.FormEvent) {
    event.preventDefault();
    const points = text.trim() === '' ? Number.NaN : Number(text);
    const problem = watermelonMarginProblem(points);
    if (problem) return setError(problem);
    try {
      const saved = await setWatermelonMargin(api, points, settings.etag);
      setError(undefined);
      onSaved(saved, `Watermelon margin saved: ${saved.watermelonMarginPoints} percentage points.`);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <section aria-labelledby="margin-heading">
      <h2 id="margin-heading">Watermelon margin</h2>
      <Text as="p">
        The dashboard warns when SLA compliance is on target but the share of life on hold or the reopen rate rose against the previous period by at
        least this many percentage points (default {settings.defaultWatermelonMarginPoints}).
        {settings.updatedAt ? ` Settings last changed ${formatInstant(settings.updatedAt)}${settings.updatedByName ? ` by ${settings.updatedByName}` : ''}.` : ''}
      </Text>
      <form className={styles.form} onSubmit={save} noValidate aria-label="Watermelon margin">
        <Field label="Margin (percentage points)" validationMessage={error} required>
          <Input className={styles.input} type="number" inputMode="decimal" step="0.1" min="0.1" max="50" value={text} onChange={(_, d) => setText(d.value)} />
        </Field>
        <Button type="submit">Save margin</Button>
      </form>
    </section>
  );
}
