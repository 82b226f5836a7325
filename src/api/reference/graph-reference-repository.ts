import type { ListsGateway } from '../../data/lists/lists-gateway';
import { serviceFromItem } from '../../data/mappers/services';
import { supportGroupFromItem } from '../../data/mappers/support-groups';
import type { ReferenceRepository, Service, SupportGroup } from './reference-repository';

/** Reference lists are small; more than this many rows means something is wrong, and we say so rather than cut. */
const REFERENCE_CAP = 2000;

export function createGraphReferenceRepository(gateway: ListsGateway, lists: { supportGroups: string; services: string }): ReferenceRepository {
  return {
    async supportGroups(): Promise<SupportGroup[]> {
      const items = await gateway.listAll(lists.supportGroups, { top: 500 }, { maxItems: REFERENCE_CAP });
      return items.map(supportGroupFromItem);
    },
    async services(): Promise<Service[]> {
      const items = await gateway.listAll(lists.services, { top: 500 }, { maxItems: REFERENCE_CAP });
      return items.map(serviceFromItem);
    },
  };
}
