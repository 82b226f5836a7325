// Public surface of the local store. Other layers may import only from here (and only src/server does).
export { createStore, type Store, type StoreData, type StoreIdentity, type StoreOptions } from './store';
export {
  EMBEDDED_API_AUDIENCE, EMBEDDED_APP_CLIENT_ID, EMBEDDED_APP_CLIENT_SECRET, EMBEDDED_TAB_CLIENT_ID, GRAPH_AUDIENCE,
  issuerFor, LOCAL_TENANT_ID, PERSON_SCOPE,
} from './identity/constants';
export { APP_ROLES, type AppRole, type Person, type PersonInput } from './identity/directory';
export type { PersonTokenRequest } from './identity/issuer';
export type { FaultSettings } from './faults/faults';
export type { BudgetSettings } from './faults/budget';
export { LIST_VIEW_THRESHOLD, PREFER_NON_INDEXED } from './items/threshold';
export { MAX_INDEXED_COLUMNS } from './lists/columns';
