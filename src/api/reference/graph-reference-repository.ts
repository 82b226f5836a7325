import type { ConfigStore } from '../config/config-store';
import type { ReferenceRepository } from './reference-repository';

/** Reference data read from the configuration lists (the records, without their ETags). */
export function createGraphReferenceRepository(config: Pick<ConfigStore, 'supportGroups' | 'services' | 'categories'>): ReferenceRepository {
  return {
    supportGroups: async () => (await config.supportGroups.list()).map((v) => v.record),
    services: async () => (await config.services.list()).map((v) => v.record),
    categories: async () => (await config.categories.list()).map((v) => v.record),
  };
}
