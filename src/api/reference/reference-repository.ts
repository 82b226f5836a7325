/** Reference data the commands consult: support groups and services. Plain records, not entities. */
export interface SupportGroup {
  readonly key: string;
  readonly name: string;
  readonly entraGroupId: string;
  readonly teamsChannelId: string | null;
  readonly isActive: boolean;
}

export interface Service {
  readonly key: string;
  readonly name: string;
  readonly ownerId: string;
  readonly ownerUpn: string | null;
  readonly ownerName: string | null;
  readonly defaultGroupKey: string;
  readonly isActive: boolean;
}

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
