// People are stored as three text columns ({Prefix}Id, {Prefix}Upn, {Prefix}Name), never as SharePoint Person
// columns: the API cannot add users to a site through Graph, and Person columns need site-local ids.
import type { PersonRef } from '../../domain/tickets/types';
import type { FieldReader, FieldValues } from './fields';

export function personToFields(prefix: string, person: PersonRef | null): FieldValues {
  return {
    [`${prefix}Id`]: person?.id ?? null,
    [`${prefix}Upn`]: person?.upn ?? null,
    [`${prefix}Name`]: person?.name ?? null,
  };
}

/** The person, or null when the id column is empty (upn and name are display aids that may lag). */
export function optionalPersonFromFields(reader: FieldReader, prefix: string): PersonRef | null {
  const id = reader.optionalText(`${prefix}Id`);
  if (id === null) return null;
  return { id, upn: reader.optionalText(`${prefix}Upn`) ?? '', name: reader.optionalText(`${prefix}Name`) ?? '' };
}

export function personFromFields(reader: FieldReader, prefix: string): PersonRef {
  return optionalPersonFromFields(reader, prefix) ?? { id: reader.text(`${prefix}Id`), upn: '', name: '' };
}
