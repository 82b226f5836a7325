import { Button, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { KpiSettingsDto, NewKpiTargetVersionRequest } from '../../../../contracts/kpi-settings';
import { parseIsoDate } from '../../../../domain/calendar/civil-date';
import { DEFAULT_REPORTING_ZONE, KPI_CATALOGUE, nextTargetVersion, reportingDays, validateTargetChange, type Direction, type KpiId, type KpiTarget } from '../../../../domain/kpi';
import { useReference } from '../../../api-client/use-reference';
import { useSession } from '../../../app/session-context';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { fieldErrorsOf } from '../sla/PolicyFields';
import { addKpiTargetVersion } from './kpi-settings-api';
import { bandsText, fromInput, seriesIdFor, thresholdUnit, toInput, tomorrowOf, type TargetSeries } from './target-text';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '40rem', minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, minWidth: 0 },
  number: { width: '10rem', maxWidth: '100%' },
  field: { minWidth: 0, maxWidth: '100%' },
  // Selects grow to their longest option (group and service names); keep them inside a 320 px screen.
  select: { width: '16rem', maxWidth: '100%', '& select': { width: '100%', minWidth: 0, textOverflow: 'ellipsis' } },
});

/** What the form starts from: an existing series (its scope fixed) or a KPI to start a new series for. */
export interface TargetFormStart {
  readonly kpi: KpiId;
  readonly series: TargetSeries | null;
}

interface Draft {
  groupId: string;
  serviceId: string;
  direction: Direction;
  green: string;
  amber: string;
  effectiveFrom: string;
}

function draftFor(start: TargetFormStart): Draft {
  const last = start.series?.versions.at(-1);
  const direction = last?.direction ?? KPI_CATALOGUE[start.kpi].direction ?? 'higherIsBetter';
  return {
    groupId: start.series?.groupId ?? '',
    serviceId: start.series?.serviceId ?? '',
    direction,
    green: last ? String(toInput(start.kpi, last.green)) : '',
    amber: last ? String(toInput(start.kpi, last.amber)) : '',
    effectiveFrom: tomorrowOf(new Date()),
  };
}

const numberOf = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));
const instantOf = (date: string): string => {
  const day = parseIsoDate(date);
  return day === null ? '' : new Date(reportingDays(DEFAULT_REPORTING_ZONE).startOf(day)).toISOString();
};

/** A new version of a KPI target, checked by the domain's own rules before it is sent; the API checks again. */
export function TargetForm({ start, settings, onSaved, onCancel }: { start: TargetFormStart; settings: KpiSettingsDto; onSaved: (saved: KpiSettingsDto, notice: string) => void; onCancel: () => void }) {
  const styles = useStyles();
  const { api } = useSession();
  const reference = useReference(api).data;
  const [draft, setDraft] = useState<Draft>(() => draftFor(start));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const heading = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => heading.current?.focus(), []);
  // After a refusal, focus goes to the first field in error, so keyboard and screen reader users land on what to fix.
  useEffect(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), [errors]);

  const kpi = start.kpi;
  const title = KPI_CATALOGUE[kpi].title;
  const id = start.series?.id ?? seriesIdFor(kpi, draft.groupId || null, draft.serviceId || null);
  const version = nextTargetVersion(settings.targets, id);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const green = fromInput(kpi, numberOf(draft.green));
  const amber = fromInput(kpi, numberOf(draft.amber));

  async function save(event: React.FormEvent) {
    event.preventDefault();
    const target: KpiTarget = { id, version, kpi, groupId: draft.groupId || null, serviceId: draft.serviceId || null, effectiveFrom: instantOf(draft.effectiveFrom), direction: draft.direction, green, amber };
    const found = validateTargetChange(settings.targets, target, Date.now());
    if (found.length > 0) return setErrors(Object.fromEntries(found.map((e) => [e.field, e.message])));
    const body: NewKpiTargetVersionRequest = { kpi, groupId: target.groupId, serviceId: target.serviceId, direction: draft.direction, green, amber, effectiveFrom: draft.effectiveFrom, version };
    try {
      const saved = await addKpiTargetVersion(api, id, body, settings.etag);
      onSaved(saved, `Saved version ${version} of the ${title} target; it rates periods starting ${draft.effectiveFrom} or later.`);
    } catch (e) {
      setErrors({ ...fieldErrorsOf(e), form: (e as Error).message });
    }
  }

  const unit = thresholdUnit(kpi);
  return (
    <form ref={formRef} className={styles.form} onSubmit={save} noValidate aria-labelledby="target-form-heading">
      <h2 id="target-form-heading" ref={heading} tabIndex={-1}>
        {start.series ? `New version ${version} of the ${title} target` : `New target for ${title}`}
      </h2>
      {errors.form && <ErrorMessage title="Not saved" message={`${errors.form} What you typed is still here.`} />}
      <div className={styles.row}>
        <Field className={styles.field} label="Support group" validationMessage={errors.groupId ?? errors.id ?? errors.kpi}>
          <Select className={styles.select} value={draft.groupId} disabled={start.series !== null} onChange={(_, d) => set({ groupId: d.value })}>
            <option value="">Any group</option>
            {(reference?.supportGroups ?? []).map((g) => <option key={g.key} value={g.key}>{g.name}</option>)}
          </Select>
        </Field>
        <Field className={styles.field} label="Service" validationMessage={errors.serviceId}>
          <Select className={styles.select} value={draft.serviceId} disabled={start.series !== null} onChange={(_, d) => set({ serviceId: d.value })}>
            <option value="">Any service</option>
            {(reference?.services ?? []).map((s) => <option key={s.key} value={s.key}>{s.name}</option>)}
          </Select>
        </Field>
        <Field className={styles.field} label="Better is" validationMessage={errors.direction}>
          <Select value={draft.direction} onChange={(_, d) => set({ direction: d.value as Direction })}>
            <option value="higherIsBetter">Higher</option>
            <option value="lowerIsBetter">Lower</option>
          </Select>
        </Field>
      </div>
      <div className={styles.row}>
        <Field className={styles.field} label={`Green threshold (${unit})`} required validationMessage={errors.green}>
          <Input className={styles.number} type="number" inputMode="decimal" value={draft.green} onChange={(_, d) => set({ green: d.value })} />
        </Field>
        <Field className={styles.field} label={`Amber threshold (${unit})`} required validationMessage={errors.amber}>
          <Input className={styles.number} type="number" inputMode="decimal" value={draft.amber} onChange={(_, d) => set({ amber: d.value })} />
        </Field>
        <Field className={styles.field} label="Effective from" required validationMessage={errors.effectiveFrom} hint="Rates periods that start on or after this date; reported periods keep their rating.">
          <Input type="date" min={tomorrowOf(new Date())} value={draft.effectiveFrom} onChange={(_, d) => set({ effectiveFrom: d.value })} />
        </Field>
      </div>
      <Text as="p" aria-live="polite">
        {Number.isFinite(green) && Number.isFinite(amber) ? bandsText(kpi, draft.direction, green, amber) : 'Type both thresholds to see the three bands.'}
      </Text>
      {errors.version && <ErrorMessage title="Version" message={errors.version} />}
      <div className={styles.row}>
        <Button appearance="primary" type="submit">Save version {version}</Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
