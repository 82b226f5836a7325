import { allLists } from '../../sharepoint-lists';
import type { ListSchema } from '../../sharepoint-lists';
import type { Middleware } from '@microsoft/microsoft-graph-client';
import { createGraphHttp } from '../data/client';
import { DriveGateway } from '../data/drive/drive-gateway';
import type { RetryPolicy } from '../data/http/retry-policy';
import type { AttachmentService } from './attachments/attachment-service';
import { createDriveAttachmentService } from './attachments/attachment-service';
import type { AccessTokenSource } from '../data/http/auth-middleware';
import { ListsGateway } from '../data/lists/lists-gateway';
import { resolveSite } from '../data/lists/list-admin';
import { UsersGateway } from '../data/users/users-gateway';
import type { PriorityMatrix } from '../domain/tickets/priority';
import type { ConfigStore } from './config/config-store';
import { createGraphConfigStore } from './config/config-store';
import type { PriorityMatrixSource } from './config/priority-matrix';
import { priorityMatrixSource } from './config/priority-matrix';
import type { MessageRepository } from './messages/message-repository';
import { createGraphMessageRepository } from './messages/message-repository';
import type { PeopleDirectory } from './people/people-directory';
import { graphPeopleDirectory } from './people/people-directory';
import { createGraphReferenceRepository } from './reference/graph-reference-repository';
import type { ReferenceRepository } from './reference/reference-repository';
import { cachedReference } from './reference/reference-repository';
import { createGraphTicketRepository } from './tickets/graph-ticket-repository';
import type { TicketRepository } from './tickets/ticket-repository';

/** Display names of the lists, resolved to ids at start (owners may rename lists). Newer lists default to their schema names. */
export interface ListNames {
  readonly tickets: string;
  readonly supportGroups: string;
  readonly services: string;
  readonly ticketMessages?: string;
  readonly categories?: string;
  readonly configuration?: string;
}

export type ListIds = Readonly<Record<keyof typeof allLists, string>>;

export interface StorageSettings {
  /** https://graph.microsoft.com in a tenant; the embedded server's own origin locally. */
  readonly graphBaseUrl: string;
  /** App-only tokens (client credentials) for Graph. */
  readonly tokens: AccessTokenSource;
  readonly site: { readonly hostname: string; readonly path: string };
  readonly listNames: ListNames;
  /** Create missing lists and columns from the schemas (embedded default). Against a tenant, provisioning does this. */
  readonly createMissingLists: boolean;
  /** Long runs (imports) may raise the retry bounds or put a pacing transport in front of HTTP. */
  readonly http?: { readonly retry?: Partial<RetryPolicy>; readonly transport?: Middleware };
}

/** What commands and queries run on: the API process, and scripts that run the command layer in-process. */
export interface CommandLayer {
  readonly gateway: ListsGateway;
  readonly listIds: ListIds;
  readonly tickets: TicketRepository;
  readonly messages: MessageRepository;
  readonly config: ConfigStore;
  readonly people: PeopleDirectory;
  readonly reference: ReferenceRepository;
  /** Reference data read fresh, for writers that just changed it. */
  readonly referenceUncached: ReferenceRepository;
  readonly priorityMatrix: () => Promise<PriorityMatrix>;
  readonly matrixSource: PriorityMatrixSource;
  /** Files of tickets in the site's document library, one folder per ticket number. */
  readonly attachments: AttachmentService;
}

function namesOf(names: ListNames): Record<keyof typeof allLists, string> {
  // Lists without a setting of their own (the SLA and outbox lists) go by their schema names.
  const byDefault = Object.fromEntries(Object.entries(allLists).map(([key, schema]) => [key, schema.name])) as Record<keyof typeof allLists, string>;
  return {
    ...byDefault,
    tickets: names.tickets,
    supportGroups: names.supportGroups,
    services: names.services,
    ticketMessages: names.ticketMessages ?? allLists.ticketMessages.name,
    categories: names.categories ?? allLists.categories.name,
    configuration: names.configuration ?? allLists.configuration.name,
  };
}

async function ensureAll(gateway: ListsGateway, names: Record<keyof typeof allLists, string>): Promise<ListIds> {
  const ids = {} as Record<keyof typeof allLists, string>;
  for (const key of Object.keys(allLists) as (keyof typeof allLists)[]) {
    const schema: ListSchema = allLists[key];
    const ensured = await gateway.ensureList(schema, names[key]);
    if (!ensured.created) await gateway.ensureColumns(ensured.id, schema);
    ids[key] = ensured.id;
  }
  return ids;
}

/** Connects to the site over Graph, resolves (or creates) the lists by their configured names, and builds the repositories. */
export async function connectCommandLayer(settings: StorageSettings): Promise<CommandLayer> {
  const http = createGraphHttp({ baseUrl: settings.graphBaseUrl, auth: settings.tokens, ...settings.http });
  const gateway = new ListsGateway(http, await resolveSite(http, settings.site.hostname, settings.site.path));
  const names = namesOf(settings.listNames);
  const listIds = settings.createMissingLists ? await ensureAll(gateway, names) : await gateway.resolveListIds(names);
  const config = createGraphConfigStore(gateway, listIds);
  const referenceUncached = createGraphReferenceRepository(config);
  const matrixSource = priorityMatrixSource(config.settings, 30_000, Date.now);
  return {
    gateway,
    listIds,
    tickets: createGraphTicketRepository(gateway, listIds.tickets),
    messages: createGraphMessageRepository(gateway, listIds.ticketMessages),
    config,
    people: graphPeopleDirectory(new UsersGateway(http)),
    reference: cachedReference(referenceUncached, 30_000, Date.now),
    referenceUncached,
    priorityMatrix: () => matrixSource.get(),
    matrixSource,
    attachments: createDriveAttachmentService(new DriveGateway(http, gateway.siteId)),
  };
}
