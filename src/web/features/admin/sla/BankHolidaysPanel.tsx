import { Button, Field, Select, Spinner, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { useSession } from '../../../app/session-context';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { formatInstant } from '../../../components/format';
import { getBankHolidays, loadBankHolidays } from '../../sla/sla-api';
import { useAdminData } from './use-admin-data';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '48rem' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-end' },
});

/** Which bank holidays are known, and loading the official gov.uk file (pasted or chosen; no internet needed). */
export function BankHolidaysPanel({ onLoaded }: { onLoaded: () => void }) {
  const styles = useStyles();
  const { api } = useSession();
  const load = useCallback(() => getBankHolidays(api), [api]);
  const { data, error, reload } = useAdminData(load);
  const [division, setDivision] = useState('england-and-wales');
  const [feed, setFeed] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    try {
      const set = await loadBankHolidays(api, division, feed);
      setNotice(`${set.name}: known from ${set.fromYear} to ${set.toYear} (${set.days.length} days).`);
      setProblem(null);
      setFeed('');
      reload();
      onLoaded();
    } catch (e) {
      const details = (e as { details?: { field?: string; message: string }[] }).details ?? [];
      setProblem([(e as Error).message, ...details.slice(1, 5).map((d) => `${d.field ?? ''}: ${d.message}`)].join(' '));
    }
  }

  return (
    <section aria-labelledby="bank-holidays-heading">
      <h2 id="bank-holidays-heading">Bank holidays</h2>
      {error && <ErrorMessage title="Bank holidays could not be loaded" message={error} />}
      {!data && !error && <Spinner size="tiny" label="Loading bank holidays…" />}
      <ul>
        {data?.items.map((h) => (
          <li key={h.division}>
            {h.name}: {h.fromYear} to {h.toYear}, {h.source === 'built-in' ? 'built in' : `from gov.uk, loaded ${h.updatedAt ? formatInstant(h.updatedAt) : ''} by ${h.updatedByName ?? 'an admin'}`}
          </li>
        ))}
      </ul>
      {notice && <Text role="status">{notice}</Text>}
      <form className={styles.form} onSubmit={submit} noValidate aria-label="Load bank holidays from gov.uk">
        <Field label="Division">
          <Select value={division} onChange={(_, d) => setDivision(d.value)}>
            <option value="england-and-wales">England and Wales</option>
            <option value="scotland">Scotland</option>
            <option value="northern-ireland">Northern Ireland</option>
          </Select>
        </Field>
        <Field label="The gov.uk file (bank-holidays.json)" hint="Download https://www.gov.uk/bank-holidays.json, then paste it here or choose the file." validationMessage={problem}>
          <Textarea value={feed} resize="vertical" rows={6} onChange={(_, d) => setFeed(d.value)} />
        </Field>
        <div className={styles.row}>
          <input aria-label="Choose the gov.uk file" type="file" accept=".json,application/json" onChange={(e) => void e.target.files?.[0]?.text().then(setFeed)} />
          <Button type="submit" appearance="primary" disabled={!feed.trim()}>
            Load bank holidays
          </Button>
        </div>
      </form>
    </section>
  );
}
