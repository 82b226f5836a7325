import type { ServiceRecord } from '../../data/mappers/services';
import type { SupportGroupRecord } from '../../data/mappers/support-groups';

/** Reference data the commands consult: plain records as the adapter maps them, not entities. */
export type SupportGroup = SupportGroupRecord;
export type Service = ServiceRecord;

export interface ReferenceRepository {
  supportGroups(): Promise<readonly SupportGroup[]>;
  services(): Promise<readonly Service[]>;
}

/** Keeps reference data for a short time: it changes rarely and every request needs it. */
export function cachedReference(source: ReferenceRepository, ttlMs: number, now: () => number): ReferenceRepository {
  let groups: { at: number; value: Promise<readonly SupportGroup[]> } | null = null;
  let services: { at: number; value: Promise<readonly Service[]> } | null = null;
  return {
    supportGroups() {
      if (!groups || now() - groups.at > ttlMs) {
        const value = source.supportGroups();
        groups = { at: now(), value };
        value.catch(() => (groups = null));
      }
      return groups.value;
    },
    services() {
      if (!services || now() - services.at > ttlMs) {
        const value = source.services();
        services = { at: now(), value };
        value.catch(() => (services = null));
      }
      return services.value;
    },
  };
}
