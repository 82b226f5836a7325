import type { ApiCallError } from '../../api-client/client';
import type { IncidentDraft } from './use-draft';

/** Problems the person can fix before anything is sent; the API checks again and has the last word. */
export function clientErrors(draft: IncidentDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!draft.title.trim()) errors.title = 'Give the incident a short title.';
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
