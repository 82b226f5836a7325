// An update whose answer was lost: the PATCH may or may not have been applied. Re-reading tells which: the old
// ETag means it was not (send again), new values that match ours mean it was; anything else is someone else's write.
import { ConflictError } from '../errors';
import type { FieldValue } from '../mappers/fields';
import type { ListItem } from './types';

/** Whether every value we wrote reads back the same (dates by instant, empty as null, Yes/No as booleans). */
export function writtenValuesPresent(written: Readonly<Record<string, FieldValue>>, read: Readonly<Record<string, unknown>>): boolean {
  return Object.entries(written).every(([name, value]) => sameValue(value, read[name]));
}

function sameValue(written: FieldValue, read: unknown): boolean {
  const empty = (v: unknown) => v === null || v === undefined || v === '';
  if (empty(written) || empty(read)) return empty(written) && empty(read);
  if (typeof written === 'boolean') return read === written || read === (written ? 1 : 0);
  if (typeof written === 'number') return Number(read) === written;
  if (typeof read === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(written) && /^\d{4}-\d{2}-\d{2}T/.test(read)) return Date.parse(read) === Date.parse(written);
  return read === written;
}

export function lostUpdateOutcome(current: ListItem, sentEtag: string, written: Readonly<Record<string, FieldValue>>): 'resend' | 'applied' {
  if (current.etag === sentEtag) return 'resend';
  if (writtenValuesPresent(written, current.fields)) return 'applied';
  throw new ConflictError({
    status: 412,
    code: 'resourceModified',
    message: `The update's answer was lost and the item changed to other values since it was read (ETag ${sentEtag} is now ${current.etag}); read it again and reapply the change.`,
  });
}
