import type { ListsGateway } from '../../data/lists/lists-gateway';
import { categoryFromItem, categoryToFields, type CategoryRecord } from '../../data/mappers/categories';
import { configurationFromItem, configurationToFields, type ConfigurationRecord } from '../../data/mappers/configuration';
import { serviceFromItem, serviceToFields, type ServiceRecord } from '../../data/mappers/services';
import { supportGroupFromItem, supportGroupToFields, type SupportGroupRecord } from '../../data/mappers/support-groups';
import type { KeyedStore } from './keyed-list';
import { graphKeyedStore } from './keyed-list';

/** What admins configure, each list addressed by key with ETags for safe edits. */
export interface ConfigStore {
  readonly supportGroups: KeyedStore<SupportGroupRecord>;
  readonly services: KeyedStore<ServiceRecord>;
  readonly categories: KeyedStore<CategoryRecord>;
  readonly settings: KeyedStore<ConfigurationRecord>;
}

export interface ConfigListIds {
  readonly supportGroups: string;
  readonly services: string;
  readonly categories: string;
  readonly configuration: string;
}

export function createGraphConfigStore(gateway: ListsGateway, lists: ConfigListIds): ConfigStore {
  return {
    supportGroups: graphKeyedStore(gateway, lists.supportGroups, 'GroupKey', { toFields: (g) => supportGroupToFields(g), fromItem: supportGroupFromItem }),
    services: graphKeyedStore(gateway, lists.services, 'ServiceKey', { toFields: (s) => serviceToFields(s), fromItem: serviceFromItem }),
    categories: graphKeyedStore(gateway, lists.categories, 'CategoryKey', { toFields: categoryToFields, fromItem: categoryFromItem }),
    settings: graphKeyedStore(gateway, lists.configuration, 'ConfigKey', { toFields: configurationToFields, fromItem: configurationFromItem }),
  };
}
