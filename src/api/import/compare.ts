// Is a stored ticket already what the import would write? Both sides go through the same mapper, so columns compare
// as written; the history compares as data (its JSON key order may differ after a read).
import type { FieldValues } from '../../data/mappers/fields';
import { ticketToFields, type StoredTicketRecord } from '../../data/mappers/tickets';
import type { HistoryEntry } from '../../domain/tickets/types';

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The stored ticket's columns as the import writes them. */
export function storedFields(stored: StoredTicketRecord): FieldValues {
  return ticketToFields(stored.ticket, { sourceSystem: stored.extras.sourceSystem, previousToolMadeSla: stored.extras.previousToolMadeSla });
}

export function sameFields(stored: FieldValues, wanted: FieldValues): boolean {
  for (const key of new Set([...Object.keys(stored), ...Object.keys(wanted)])) {
    const a = stored[key] ?? null;
    const b = wanted[key] ?? null;
    if (key === 'History') {
      if (a === b) continue; // the store hands back the text it was given: equal text is the common case
      if (canonical(JSON.parse(String(a ?? '[]'))) !== canonical(JSON.parse(String(b ?? '[]')))) return false;
    } else if (a !== b) return false;
  }
  return true;
}

/**
 * Work done in this product after the import: the stored history goes on past everything the source gives.
 * Such a ticket is kept as it is; a re-import never overwrites an analyst's work.
 */
export function changedHereSinceImport(stored: readonly HistoryEntry[], rebuilt: readonly HistoryEntry[]): boolean {
  if (stored.length <= rebuilt.length) return false;
  return rebuilt.every((entry, i) => canonical(entry) === canonical(stored[i]));
}
