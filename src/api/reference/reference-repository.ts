import type { CategoryRecord } from '../../data/mappers/categories';
import type { ServiceRecord } from '../../data/mappers/services';
import type { SupportGroupRecord } from '../../data/mappers/support-groups';

/** Reference data the commands consult: plain records as the adapter maps them, not entities. */
export type SupportGroup = SupportGroupRecord;
export type Service = ServiceRecord;
export type Category = CategoryRecord;

export interface ReferenceRepository {
  supportGroups(): Promise<readonly SupportGroup[]>;
  services(): Promise<readonly Service[]>;
  /** Absent on sources that predate categories. */
  categories?(): Promise<readonly Category[]>;
  /** Forgets cached values after an admin changed them. */
  invalidate?(): void;
}

interface Slot<T> {
  at: number;
  value: Promise<T>;
}

/** Keeps reference data for a short time: it changes rarely and every request needs it. */
export function cachedReference(source: ReferenceRepository, ttlMs: number, now: () => number): ReferenceRepository {
  const slots = new Map<string, Slot<unknown>>();
  function cached<T>(name: string, load: () => Promise<T>): Promise<T> {
    const slot = slots.get(name);
    if (slot && now() - slot.at <= ttlMs) return slot.value as Promise<T>;
    const value = load();
    slots.set(name, { at: now(), value });
    value.catch(() => slots.delete(name));
    return value;
  }
  return {
    supportGroups: () => cached('groups', () => source.supportGroups()),
    services: () => cached('services', () => source.services()),
    categories: () => cached('categories', () => source.categories?.() ?? Promise.resolve([])),
    invalidate: () => slots.clear(),
  };
}
