import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { CalendarDto } from '../../../../contracts/sla';
import { useSession } from '../../../app/session-context';
import { deleteClosureDay, putClosureDay } from '../../sla/sla-api';
import { fieldErrorsOf } from './PolicyFields';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-end' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

const dateWords = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A calendar's local closure days: dates people add and remove (stored date-only, as SharePoint stores dates). */
export function ClosureDaysEditor({ calendar, onChanged }: { calendar: CalendarDto; onChanged: (message: string) => void }) {
  const styles = useStyles();
  const { api } = useSession();
  const [date, setDate] = useState('');
  const [title, setTitle] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function add(event: React.FormEvent) {
    event.preventDefault();
    try {
      await putClosureDay(api, calendar.key, date, title);
      setDate('');
      setTitle('');
      setErrors({});
      onChanged(`${calendar.name} is closed on ${date}.`);
    } catch (e) {
      setErrors({ date: (e as Error).message, ...fieldErrorsOf(e) });
    }
  }

  return (
    <section aria-labelledby={`closures-${calendar.key}`}>
      <h3 id={`closures-${calendar.key}`}>Closure days of {calendar.name}</h3>
      {calendar.closureDays.length === 0 ? (
        <Text>No closure days.</Text>
      ) : (
        <ul className={styles.list}>
          {calendar.closureDays.map((d) => (
            <li key={d.date}>
              {dateWords.format(new Date(`${d.date}T00:00:00Z`))}: {d.title}{' '}
              <Button size="small" appearance="subtle" aria-label={`Remove the closure on ${d.date}`} onClick={() => void deleteClosureDay(api, calendar.key, d.date).then(() => onChanged(`Removed the closure on ${d.date}.`), (e: Error) => setErrors({ date: e.message }))}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form className={styles.row} onSubmit={add} noValidate aria-label={`Add a closure day to ${calendar.name}`}>
        <Field label="Date" required validationMessage={errors.date}>
          <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
        </Field>
        <Field label="What it is" required validationMessage={errors.title}>
          <Input value={title} onChange={(_, d) => setTitle(d.value)} />
        </Field>
        <Button type="submit">Add closure day</Button>
      </form>
    </section>
  );
}
