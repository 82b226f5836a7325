// createStore: the local Graph-compatible store (sites, lists, items), the local issuer and the directory,
// mountable on any Fastify instance so the one-process server serves it at the API's own origin.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { statisticsRefresher, type StoreContext } from './context';
import { openDatabase, type Synchronous } from './db/open';
import { registerBatchRoute } from './batch/routes';
import { registerDownloadRoute } from './drive/download-route';
import { DriveRepository } from './drive/repository';
import { DownloadTokens } from './drive/resource';
import { registerDriveRoutes } from './drive/routes';
import { budgetSettingsFromEnv, ResourceBudget, type BudgetSettings } from './faults/budget';
import { budgetHook } from './faults/budget-hook';
import { Faults, type FaultSettings } from './faults/faults';
import { faultSettingsFromEnv } from './faults/settings';
import { graphAuthHook } from './http/auth';
import { GraphError, graphErrorHandler, sendGraphError } from './http/errors';
import { stampRequestIds } from './http/request-context';
import {
  EMBEDDED_API_AUDIENCE, EMBEDDED_APP_CLIENT_ID, EMBEDDED_APP_CLIENT_SECRET, EMBEDDED_APP_DISPLAY_NAME, LOCAL_TENANT_ID,
} from './identity/constants';
import { Directory } from './identity/directory';
import { LocalIssuer, type PersonTokenRequest } from './identity/issuer';
import { loadOrCreateSigningKey } from './identity/keys';
import { registerIssuerRoutes } from './identity/routes';
import { registerMembershipRoutes, registerUserRoutes } from './identity/users-routes';
import { checkTimeZone } from './items/date-only';
import { ItemRepository } from './items/repository';
import { registerItemRoutes } from './items/routes';
import { ListCatalog, type ListMeta } from './lists/catalog';
import { parseColumnInput } from './lists/columns';
import { registerListRoutes } from './lists/routes';
import { registerSiteRoutes } from './sites/routes';
import { loadSite, type Site } from './sites/site';
import { registerControlRoutes } from './control-routes';

export interface StoreOptions {
  /** Where the SQLite file and the issuer's key live. */
  readonly dataDir: string;
  /** timeZone: the site's regional setting (IANA), default Europe/London; date-only columns depend on it. */
  readonly site?: { readonly hostname?: string; readonly path?: string; readonly displayName?: string; readonly timeZone?: string };
  /** Origin the store is reached at (issuer and links); without it, each request's own origin is used. */
  readonly publicOrigin?: string;
  /** POST /_store/faults (tests only). Default: ITSM_STORE_TEST_CONTROLS=1. */
  readonly testControls?: boolean;
  /** POST /local-issuer/{tenant}/dev/token and GET .../dev/users. Default false. */
  readonly devFeatures?: boolean;
  /** The API's app registration. Default: ITSM_APP_CLIENT_ID / ITSM_APP_CLIENT_SECRET, else the embedded ones. */
  readonly app?: { readonly clientId?: string; readonly clientSecret?: string; readonly displayName?: string };
  /** aud of a person's token for the service API (its app id URI or client id). */
  readonly apiAudience?: string;
  readonly tenantId?: string;
  readonly synchronous?: Synchronous;
  /** Retry-After sent with a list view threshold refusal. Default 1. */
  readonly thresholdRetryAfterSeconds?: number;
  /** Faults injected into /v1.0 from the start (default: ITSM_STORE_FAULTS, JSON). */
  readonly faults?: FaultSettings;
  /** A per-app resource-unit budget (default: ITSM_STORE_RU_PER_MINUTE / ITSM_STORE_RU_PER_DAY); none when absent. */
  readonly budget?: BudgetSettings;
  /** Clock, for tests of token lifetimes. */
  readonly now?: () => Date;
}

export interface StoreIdentity {
  readonly tenantId: string;
  issuer(): string;
  jwksUri(): string;
  jwks(): object;
  mintAppToken(): Promise<string>;
  mintPersonToken(request: PersonTokenRequest): Promise<string>;
}

/** Direct access for seeding and test setup, bypassing HTTP (not Graph-shaped). */
export interface StoreData {
  createList(displayName: string, columns: readonly unknown[]): ListMeta;
  getList(ref: string): ListMeta;
  /** Creates items in one transaction; returns their ids. */
  insertItems(listRef: string, rows: readonly Record<string, unknown>[]): number[];
}

export interface Store {
  readonly site: Site;
  /** Register with app.register(store.plugin); it mounts /v1.0, /local-issuer and /_store. */
  readonly plugin: FastifyPluginAsync;
  registerRoutes(app: FastifyInstance): Promise<void>;
  readonly directory: Directory;
  readonly identity: StoreIdentity;
  readonly data: StoreData;
  readonly faults: Faults;
  readonly budget: ResourceBudget;
  setPublicOrigin(origin: string): void;
  close(): void;
}

const SYSTEM_ACTOR = { kind: 'application', id: 'local-store', displayName: 'Local store setup' } as const;

export function createStore(options: StoreOptions): Store {
  const now = options.now ?? (() => new Date());
  const db = openDatabase(options.dataDir, options.synchronous);
  const site = loadSite(db, {
    hostname: options.site?.hostname ?? 'contoso.sharepoint.com',
    path: options.site?.path ?? '/sites/servicedesk',
    displayName: options.site?.displayName ?? 'Service Desk',
    timeZone: checkTimeZone(options.site?.timeZone ?? 'Europe/London'),
  }, now());
  const catalog = new ListCatalog(db);
  const items = new ItemRepository(db, site.timeZone);
  const directory = new Directory(db);
  const nowText = (): string => now().toISOString().slice(0, 19) + 'Z';
  const drive = new DriveRepository(db, nowText());
  const downloadTokens = new DownloadTokens(() => now().getTime());
  const stepHeader = { name: 'x-local-store-batch-step', value: randomUUID() };
  const faults = new Faults((request) => request.headers[stepHeader.name] === stepHeader.value);
  const initialFaults = options.faults ?? faultSettingsFromEnv(process.env.ITSM_STORE_FAULTS);
  if (initialFaults) faults.set(initialFaults);
  const budget = new ResourceBudget(() => now().getTime());
  budget.set(options.budget ?? budgetSettingsFromEnv(process.env));
  let publicOrigin = options.publicOrigin?.replace(/\/+$/, '');
  const origin = (requestOrigin?: string): string => {
    const found = publicOrigin ?? requestOrigin;
    if (!found) throw new Error('The store has no public origin yet: call setPublicOrigin() once it is listening.');
    return found;
  };
  const tenantId = (options.tenantId ?? LOCAL_TENANT_ID).toLowerCase();
  const issuer = new LocalIssuer({
    tenantId, key: loadOrCreateSigningKey(options.dataDir), directory, now, origin, fixedOrigin: () => publicOrigin !== undefined,
    apiAudience: options.apiAudience ?? EMBEDDED_API_AUDIENCE,
    app: {
      clientId: options.app?.clientId ?? process.env.ITSM_APP_CLIENT_ID ?? EMBEDDED_APP_CLIENT_ID,
      clientSecret: options.app?.clientSecret ?? process.env.ITSM_APP_CLIENT_SECRET ?? EMBEDDED_APP_CLIENT_SECRET,
      displayName: options.app?.displayName ?? EMBEDDED_APP_DISPLAY_NAME,
    },
  });
  const ctx: StoreContext = {
    db, site, catalog, items, now, thresholdRetryAfterSeconds: options.thresholdRetryAfterSeconds ?? 1, afterWrite: statisticsRefresher(db),
  };
  const testControls = options.testControls ?? process.env.ITSM_STORE_TEST_CONTROLS === '1';

  const plugin: FastifyPluginAsync = async (app) => {
    await app.register(async (v1) => {
      v1.setErrorHandler(graphErrorHandler);
      v1.setNotFoundHandler((request, reply) => {
        sendGraphError(request, reply, new GraphError(400, 'BadRequest', `Resource not found for the segment '${request.url.split('?')[0]}'.`));
      });
      v1.addHook('onRequest', stampRequestIds);
      v1.addHook('onRequest', faults.hook);
      v1.addHook('onRequest', graphAuthHook(issuer));
      v1.addHook('onRequest', budgetHook(budget));
      v1.addHook('onSend', faults.onSend);
      registerBatchRoute(v1, stepHeader);
      registerSiteRoutes(v1, site);
      registerListRoutes(v1, ctx);
      registerItemRoutes(v1, ctx);
      registerUserRoutes(v1, directory);
      registerMembershipRoutes(v1, directory);
      await v1.register(async (scope) => registerDriveRoutes(scope, { site, drive, tokens: downloadTokens, now: nowText }));
    }, { prefix: '/v1.0' });
    await app.register(async (scope) => registerDownloadRoute(scope, drive, downloadTokens));
    await app.register(async (scope) => registerIssuerRoutes(scope, issuer, directory, options.devFeatures ?? false), { prefix: '/local-issuer' });
    await app.register(async (scope) => registerControlRoutes(scope, { site, catalog, faults, budget, directory, testControls }), { prefix: '/_store' });
  };

  return {
    site,
    plugin,
    registerRoutes: async (app) => {
      await app.register(plugin);
    },
    directory,
    faults,
    budget,
    identity: {
      tenantId,
      issuer: () => issuer.issuer(),
      jwksUri: () => `${origin()}/local-issuer/${tenantId}/discovery/v2.0/keys`,
      jwks: () => issuer.jwks(),
      mintAppToken: () => issuer.mintAppToken(),
      mintPersonToken: (request) => issuer.mintPersonToken(request),
    },
    data: {
      createList: (displayName, columns) => catalog.create({ displayName, columns: columns.map(parseColumnInput) }, SYSTEM_ACTOR, nowText()),
      getList: (ref) => catalog.resolve(ref),
      insertItems: (listRef, rows) => {
        const ids = items.createMany(catalog.resolve(listRef), rows, SYSTEM_ACTOR, nowText());
        ctx.afterWrite(ids.length);
        return ids;
      },
    },
    setPublicOrigin: (value) => {
      publicOrigin = value.replace(/\/+$/, '');
    },
    close: () => {
      if (!db.open) return;
      db.pragma('optimize');
      db.close();
    },
  };
}
