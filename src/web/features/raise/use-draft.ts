import { useCallback, useEffect, useState } from 'react';
import { newIdempotencyKey } from '../../api-client/endpoints';

export interface IncidentDraft {
  readonly title: string;
  readonly description: string;
  readonly serviceId: string;
  readonly categoryId: string;
  readonly impact: string;
  readonly urgency: string;
  /** Kept with the draft so a retried submission can never raise a second ticket. */
  readonly key: string;
}

const empty = (): IncidentDraft => ({ title: '', description: '', serviceId: '', categoryId: '', impact: '', urgency: '', key: newIdempotencyKey() });

function read(storageKey: string): IncidentDraft {
  try {
    const raw = window.sessionStorage.getItem(storageKey);
    if (raw) return { ...empty(), ...(JSON.parse(raw) as Partial<IncidentDraft>) };
  } catch {
    // A damaged draft is dropped.
  }
  return empty();
}

/** The form's values, kept in this browser tab until the ticket is raised: nothing typed is lost on an error or a reload. */
export function useDraft(storageKey: string) {
  const [draft, setDraft] = useState<IncidentDraft>(() => read(storageKey));
  useEffect(() => {
    try {
      window.sessionStorage.setItem(storageKey, JSON.stringify(draft));
    } catch {
      // Storage may be full or blocked; the draft still lives in memory.
    }
  }, [draft, storageKey]);
  const update = useCallback((patch: Partial<IncidentDraft>) => setDraft((d) => ({ ...d, ...patch })), []);
  const reset = useCallback(() => {
    window.sessionStorage.removeItem(storageKey);
    setDraft(empty());
  }, [storageKey]);
  return { draft, update, reset };
}
