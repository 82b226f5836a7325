import { Button, Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useState } from 'react';
import type { CreateIncidentRequest } from '../../../contracts/api';
import { ApiCallError } from '../../api-client/client';
import { createIncident } from '../../api-client/endpoints';
import { useReference } from '../../api-client/use-reference';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { flash } from '../../components/flash';
import { AttachmentPicker } from './AttachmentPicker';
import { ImpactUrgency } from './ImpactUrgency';
import { uploadAll } from './upload-all';
import { useDraft } from './use-draft';
import { describeLength } from '../../../domain/text';
import { TITLE_MAX } from '../../../domain/tickets/create-incident';
import { clientErrors, focusFirstError, serverErrors, textProblem } from './validation';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '40rem' },
});

interface Props {
  readonly draftKey: string;
  readonly submitLabel: string;
  /** Extra fields above the form (the caller and contact channel when logging a call). */
  readonly before?: ReactNode;
  /** Adds to the request and reports problems with the extra fields. */
  readonly extra?: () => { body: Partial<CreateIncidentRequest>; errors: Record<string, string> };
  readonly onRaised?: () => void;
}

/** The incident form shared by "Raise" and "Log a call". Values survive every error; one key per submission. */
export function IncidentForm({ draftKey, submitLabel, before, extra, onRaised }: Props) {
  const styles = useStyles();
  const { api } = useSession();
  const reference = useReference(api);
  const { draft, update, reset } = useDraft(draftKey);
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const services = reference.data?.services ?? [];
  const categories = (reference.data?.categories ?? []).filter((c) => !c.serviceKey || c.serviceKey === draft.serviceId);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const more = extra?.() ?? { body: {}, errors: {} };
    const found = { ...clientErrors(draft), ...more.errors };
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return focusFirstError(found);
    setBusy(true);
    try {
      const body: CreateIncidentRequest = {
        title: draft.title.trim(),
        description: draft.description,
        impact: Number(draft.impact) as 1 | 2 | 3,
        urgency: Number(draft.urgency) as 1 | 2 | 3,
        ...(draft.serviceId ? { serviceId: draft.serviceId } : {}),
        ...(draft.categoryId ? { categoryId: draft.categoryId } : {}),
        ...more.body,
      };
      const { ticket } = await createIncident(api, body, draft.key);
      const failed = await uploadAll(api, ticket.number, files);
      flash.set(failed ? `${ticket.number} was raised. ${failed}` : `${ticket.number} was raised. The service desk will be in touch.`);
      reset();
      onRaised?.();
      navigate({ name: 'ticket', number: ticket.number });
    } catch (e) {
      const fields = e instanceof ApiCallError ? serverErrors(e) : {};
      setErrors(fields);
      setFailure(`${(e as Error).message} Nothing you typed was lost.`);
      setBusy(false);
      focusFirstError(fields);
    }
  }

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-describedby={failure ? 'raise-failure' : undefined}>
      {failure && (
        <div id="raise-failure">
          <ErrorMessage title="The incident was not raised yet" message={failure} />
        </div>
      )}
      {reference.error && <ErrorMessage title="Services could not be loaded" message={reference.error} />}
      {before}
      {/* No maxLength: a browser would cut pasted text silently (and count an emoji as 2). The count and the same
          message as the API show instead, and the person shortens it themselves (decision 0415). */}
      <Field
        label="Short title"
        required
        validationMessage={errors.title ?? textProblem('title', draft.title)}
        hint={
          <>
            A few words, for example: Cannot print to the third floor printer. <span data-testid="title-count">{describeLength(draft.title.trim(), TITLE_MAX)}</span>
          </>
        }
      >
        <Input name="title" value={draft.title} onChange={(_, d) => {
          update({ title: d.value });
          setErrors((e) => ({ ...e, title: undefined }));
        }} />
      </Field>
      <Field label="What happened?" validationMessage={errors.description ?? textProblem('description', draft.description)} hint="What you were doing, what you saw, any error message.">
        <Textarea name="description" value={draft.description} resize="vertical" rows={5} onChange={(_, d) => {
          update({ description: d.value });
          setErrors((e) => ({ ...e, description: undefined }));
        }} />
      </Field>
      <Field label="Which service is affected?" required validationMessage={errors.serviceId}>
        <Select name="serviceId" value={draft.serviceId} onChange={(_, d) => update({ serviceId: d.value, categoryId: '' })}>
          <option value="">Choose a service</option>
          {services.map((s) => (
            <option key={s.key} value={s.key}>
              {s.name}
            </option>
          ))}
        </Select>
      </Field>
      {categories.length > 0 && (
        <Field label="Category" validationMessage={errors.categoryId}>
          <Select name="categoryId" value={draft.categoryId} onChange={(_, d) => update({ categoryId: d.value })}>
            <option value="">Not sure</option>
            {categories.map((c) => (
              <option key={c.key} value={c.key}>
                {c.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <ImpactUrgency impact={draft.impact} urgency={draft.urgency} onChange={update} errors={errors} matrix={reference.data?.priorityMatrix} />
      <AttachmentPicker files={files} onChange={setFiles} />
      <div>
        <Button appearance="primary" type="submit" disabled={busy}>
          {busy ? 'Sending…' : submitLabel}
        </Button>
      </div>
    </form>
  );
}
