import { allLists } from '../../sharepoint-lists';
import { createGraphHttp } from '../data/client';
import type { AccessTokenSource } from '../data/http/auth-middleware';
import { ListsGateway } from '../data/lists/lists-gateway';
import { resolveSite } from '../data/lists/list-admin';
import { DEFAULT_PRIORITY_MATRIX } from '../domain/tickets/priority';
import type { PriorityMatrix } from '../domain/tickets/priority';
import { createGraphReferenceRepository } from './reference/graph-reference-repository';
import type { ReferenceRepository } from './reference/reference-repository';
import { cachedReference } from './reference/reference-repository';
import { createGraphTicketRepository } from './tickets/graph-ticket-repository';
import type { TicketRepository } from './tickets/ticket-repository';

export interface StorageSettings {
  /** https://graph.microsoft.com in a tenant; the embedded server's own origin locally. */
  readonly graphBaseUrl: string;
  /** App-only tokens (client credentials) for Graph. */
  readonly tokens: AccessTokenSource;
  readonly site: { readonly hostname: string; readonly path: string };
  readonly listNames: { readonly tickets: string; readonly supportGroups: string; readonly services: string };
  /** Create missing lists from the schemas (embedded default). Against a tenant, provisioning does this. */
  readonly createMissingLists: boolean;
}

/** What commands and queries run on: the API process, and scripts that run the command layer in-process. */
export interface CommandLayer {
  readonly gateway: ListsGateway;
  readonly listIds: { readonly tickets: string; readonly supportGroups: string; readonly services: string };
  readonly tickets: TicketRepository;
  readonly reference: ReferenceRepository;
  /** Reference data read fresh, for writers that just changed it. */
  readonly referenceUncached: ReferenceRepository;
  readonly priorityMatrix: () => Promise<PriorityMatrix>;
}

/** Connects to the site over Graph, resolves (or creates) the lists by their configured names, and builds the repositories. */
export async function connectCommandLayer(settings: StorageSettings): Promise<CommandLayer> {
  const http = createGraphHttp({ baseUrl: settings.graphBaseUrl, auth: settings.tokens });
  const gateway = new ListsGateway(http, await resolveSite(http, settings.site.hostname, settings.site.path));
  const names = settings.listNames;
  const listIds = settings.createMissingLists
    ? {
        tickets: (await gateway.ensureList(allLists.tickets, names.tickets)).id,
        supportGroups: (await gateway.ensureList(allLists.supportGroups, names.supportGroups)).id,
        services: (await gateway.ensureList(allLists.services, names.services)).id,
      }
    : await gateway.resolveListIds(names);
  const referenceUncached = createGraphReferenceRepository(gateway, listIds);
  return {
    gateway,
    listIds,
    tickets: createGraphTicketRepository(gateway, listIds.tickets),
    reference: cachedReference(referenceUncached, 30_000, Date.now),
    referenceUncached,
    priorityMatrix: async () => DEFAULT_PRIORITY_MATRIX,
  };
}
