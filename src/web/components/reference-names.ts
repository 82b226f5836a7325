import type { ReferenceDataResponse } from '../../contracts/api';

type Named = { readonly key: string; readonly name: string };

/**
 * A stored key as people know it: the record's name. A key no record has (a deleted group, a person the tab has no
 * name for) is shown as the key, saying so; before the reference data has loaded, the key alone.
 */
export function nameOf(list: readonly Named[] | undefined, key: string, noun: string): string {
  if (!list) return key;
  return list.find((item) => item.key === key)?.name ?? `${key} (unknown ${noun})`;
}

/** Names for the keys a ticket's history holds. */
export interface Names {
  group(key: string): string;
  service(key: string): string;
  category(key: string): string;
  person(id: string): string;
}

/** Names from /api/reference and from the people this screen knows by id (id to display name). */
export function referenceNames(reference: ReferenceDataResponse | null, people: ReadonlyMap<string, string>): Names {
  const known = [...people].map(([key, name]) => ({ key, name }));
  return {
    group: (key) => nameOf(reference?.supportGroups, key, 'group'),
    service: (key) => nameOf(reference?.services, key, 'service'),
    // Older APIs send no categories: their keys are then unknown rather than pending.
    category: (key) => nameOf(reference ? (reference.categories ?? []) : undefined, key, 'category'),
    person: (id) => nameOf(known, id, 'person'),
  };
}
