import { Button, Field, Input, Select, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { CalendarDto, HolidaySetKey } from '../../../../contracts/sla';
import { useSession } from '../../../app/session-context';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { getCalendars, putCalendar } from '../../sla/sla-api';
import { BankHolidaysPanel } from './BankHolidaysPanel';
import { ClosureDaysEditor } from './ClosureDaysEditor';
import { WEEKDAYS, hoursToText, textToHours, type HoursText } from './hours-text';
import { fieldErrorsOf } from './PolicyFields';
import { useAdminData } from './use-admin-data';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  region: { overflowX: 'auto', maxWidth: '100%' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '40rem' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

interface CalendarForm {
  readonly key: string;
  readonly name: string;
  readonly timeZone: string;
  readonly hours: HoursText;
  readonly holidaySet: string;
  readonly etag: string | null;
}

const formOf = (c: CalendarDto | null): CalendarForm =>
  c
    ? { key: c.key, name: c.name, timeZone: c.timeZone, hours: hoursToText(c.weeklyHours), holidaySet: c.holidaySet ?? '', etag: c.etag }
    : { key: '', name: '', timeZone: 'Europe/London', hours: hoursToText({ 1: [{ start: '09:00', end: '17:00' }], 2: [{ start: '09:00', end: '17:00' }], 3: [{ start: '09:00', end: '17:00' }], 4: [{ start: '09:00', end: '17:00' }], 5: [{ start: '09:00', end: '17:00' }] }), holidaySet: 'england-and-wales', etag: null };

const hoursSummary = (c: CalendarDto): string =>
  WEEKDAYS.filter(([k]) => (c.weeklyHours[k] ?? []).length > 0).map(([k, day]) => `${day.slice(0, 3)} ${(c.weeklyHours[k] ?? []).map((r) => `${r.start}-${r.end}`).join(', ')}`).join('; ') || 'Closed';

/** Calendars (zone, weekly hours, bank holidays), their closure days, and the bank holiday file. */
export function CalendarsAdmin() {
  const styles = useStyles();
  const { api } = useSession();
  const load = useCallback(() => getCalendars(api), [api]);
  const { data, error, reload } = useAdminData(load);
  const [form, setForm] = useState<CalendarForm | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    if (!form) return;
    const { hours, errors: typed } = textToHours(form.hours);
    const local = Object.fromEntries(Object.entries(typed).map(([k, v]) => [`weeklyHours.${k}`, v]));
    if (Object.keys(local).length > 0) return setErrors(local);
    try {
      const saved = await putCalendar(api, form.key, { name: form.name, timeZone: form.timeZone, weeklyHours: hours, holidaySet: (form.holidaySet || null) as HolidaySetKey | null }, form.etag);
      setNotice(`Saved ${saved.name} (revision ${saved.revision}).`);
      setForm(null);
      setErrors({});
      reload();
    } catch (e) {
      setErrors({ ...fieldErrorsOf(e), form: (e as Error).message });
    }
  }

  const dayError = (k: string) => Object.entries(errors).find(([f]) => f === `weeklyHours.${k}` || f.startsWith(`weeklyHours.${k}[`))?.[1];
  const current = data?.items.find((c) => c.key === selected) ?? null;
  return (
    <div className={styles.page}>
      {error && <ErrorMessage title="Calendars could not be loaded" message={error} />}
      {!data && !error && <Spinner label="Loading calendars…" />}
      {notice && <Text role="status">{notice}</Text>}
      {data && (
        <div className={styles.region} role="region" aria-label="Calendars" tabIndex={0}>
          <Table size="small" aria-label="Calendars">
            <TableHeader>
              <TableRow>
                {['Calendar', 'Time zone', 'Working hours', 'Bank holidays', 'Closure days', 'Actions'].map((h) => (
                  <TableHeaderCell key={h}>{h}</TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.items.map((c) => (
                <TableRow key={c.key}>
                  <TableCell>{c.name} ({c.key})</TableCell>
                  <TableCell>{c.timeZone}</TableCell>
                  <TableCell>{hoursSummary(c)}</TableCell>
                  <TableCell>{c.holidayCoverage ? `${c.holidaySet}, ${c.holidayCoverage.fromYear} to ${c.holidayCoverage.toYear}` : 'None (works through them)'}</TableCell>
                  <TableCell>{c.closureDays.length}</TableCell>
                  <TableCell className={styles.row}>
                    <Button size="small" onClick={() => setForm(formOf(c))} aria-label={`Edit ${c.name}`}>Edit</Button>
                    <Button size="small" onClick={() => setSelected(c.key)} aria-label={`Closure days of ${c.name}`}>Closure days</Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {!form && (
        <div>
          <Button onClick={() => setForm(formOf(null))}>Add a calendar</Button>
        </div>
      )}
      {form && (
        <form className={styles.form} onSubmit={save} noValidate aria-label={form.etag ? `Edit ${form.name}` : 'Add a calendar'}>
          <h2>{form.etag ? `Edit ${form.name}` : 'New calendar'}</h2>
          {errors.form && <ErrorMessage title="Not saved" message={`${errors.form} What you typed is still here.`} />}
          <Field label="Key" required validationMessage={errors.key}>
            <Input value={form.key} disabled={form.etag !== null} onChange={(_, d) => setForm({ ...form, key: d.value })} />
          </Field>
          <Field label="Name" required validationMessage={errors.name}>
            <Input value={form.name} onChange={(_, d) => setForm({ ...form, name: d.value })} />
          </Field>
          <Field label="Time zone" required hint="An IANA name, for example Europe/London." validationMessage={errors.timeZone}>
            <Input value={form.timeZone} onChange={(_, d) => setForm({ ...form, timeZone: d.value })} />
          </Field>
          {WEEKDAYS.map(([k, day]) => (
            <Field key={k} label={day} hint={k === '1' ? 'Ranges like 09:00-12:30, 13:30-17:00; empty when closed.' : undefined} validationMessage={dayError(k)}>
              <Input value={form.hours[k]} onChange={(_, d) => setForm({ ...form, hours: { ...form.hours, [k]: d.value } })} />
            </Field>
          ))}
          <Field label="Bank holidays" validationMessage={errors.holidaySet}>
            <Select value={form.holidaySet} onChange={(_, d) => setForm({ ...form, holidaySet: d.value })}>
              <option value="">None: works through them</option>
              <option value="england-and-wales">England and Wales</option>
              <option value="scotland">Scotland</option>
              <option value="northern-ireland">Northern Ireland</option>
            </Select>
          </Field>
          <div className={styles.row}>
            <Button appearance="primary" type="submit">Save</Button>
            <Button onClick={() => setForm(null)}>Cancel</Button>
          </div>
        </form>
      )}
      {current && <ClosureDaysEditor calendar={current} onChanged={(m) => (setNotice(m), reload())} />}
      <BankHolidaysPanel onLoaded={reload} />
    </div>
  );
}
