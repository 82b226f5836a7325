import type { DomainError } from '../../../domain/result';
import { readUserText } from '../../../domain/text';
import { DESCRIPTION_MAX, TITLE_MAX } from '../../../domain/tickets/create-incident';
import type { ApiCallError } from '../../api-client/client';
import type { IncidentDraft } from './use-draft';

/**
 * What the API would say about the title or description as typed (the same domain reader: too long, a refused
 * character), or undefined; shown beside the field while typing, so nothing needs to be cut to fit.
 */
export function textProblem(field: 'title' | 'description', value: string): string | undefined {
  const errors: DomainError[] = [];
  if (field === 'title') readUserText('title', value, errors, { required: false, max: TITLE_MAX, label: 'title', shape: 'single-line' });
  else readUserText('description', value, errors, { required: false, max: DESCRIPTION_MAX, label: 'description', shape: 'multi-line', trim: false });
  return errors[0]?.message;
}

/** Problems the person can fix before anything is sent; the API checks again and has the last word. */
export function clientErrors(draft: IncidentDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  const title = textProblem('title', draft.title);
  if (!draft.title.trim()) errors.title = 'Give the incident a short title.';
  else if (title) errors.title = title;
  const description = textProblem('description', draft.description);
  if (description) errors.description = description;
  if (!draft.serviceId) errors.serviceId = 'Choose the service that is affected.';
  if (!draft.impact) errors.impact = 'Say how many people are affected.';
  if (!draft.urgency) errors.urgency = 'Say how badly work is blocked.';
  return errors;
}

/** The API's field details, keyed by field, to show beside each field. */
export function serverErrors(error: ApiCallError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const d of error.details) if (d.field && !fields[d.field]) fields[d.field] = d.message;
  return fields;
}

const ORDER = ['requester', 'requesterId', 'contactChannel', 'title', 'description', 'serviceId', 'categoryId', 'impact', 'urgency'];

/** Moves focus to the first field with a problem, so keyboard and screen reader users land on it. */
export function focusFirstError(errors: Record<string, string | undefined>): void {
  const first = ORDER.find((f) => errors[f]);
  if (!first) return;
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>(`[name="${first}"]`);
    el?.focus();
  });
}
