import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Fastify from 'fastify';
import { createTokenValidator } from '../api/auth/token-validator';
import { registerApi } from '../api/app';
import { createClientCredentialsTokenProvider } from '../data';
import type { CommandLayer } from '../api/runtime';
import { connectCommandLayer } from '../api/runtime';
import { PERSON_SCOPE, createStore } from '../store';
import type { ServerConfig } from './config';
import { lateApiDependencies } from './api-wiring';
import { registerDevRoutes } from './dev-routes';
import { registerDirectoryRoute, upsertDirectoryPeople } from './directory-route';
import { late } from './late';
import { seedDemo } from './seed/run-seed';
import { ensureDefaultOlas, ensureSlaDefaults } from '../api/sla/bootstrap';
import { systemPerson } from '../worker';
import { slaRuntimeOf, workerFor } from './sla-wiring';
import { registerTab } from './static-tab';
import { readinessGate } from './readiness';
import { answerClientError, answerFrameworkError, registerRootErrorHandler } from './root-errors';
import { BODY_LIMIT_BYTES } from '../api/http/framework-errors';

/** Opens the local store, saying which folder is the problem when it cannot. */
function openStore(config: ServerConfig) {
  try {
    mkdirSync(config.dataDir, { recursive: true });
    return createStore({
      dataDir: config.dataDir,
      site: config.site,
      devFeatures: true,
      testControls: config.storeTestControls,
      apiAudience: config.apiAudience,
      app: config.app,
    });
  } catch (error) {
    throw new Error(`the data folder ${config.dataDir} (ITSM_DATA_DIR) cannot be used: ${(error as Error).message}. It must be a writable folder.`);
  }
}

export const WEB_DIST = resolve(import.meta.dirname, '../../dist/web');
const SEED_MARKER = 'seed-complete';

export interface ServerOptions {
  /** The API's and the worker's clock (tests move it; the store keeps real time). */
  readonly clock?: () => Date;
}

/** The embedded default in one process: local store (/v1.0), local issuer, service API (/api), dev sign-in, tab. */
export async function startServer(config: ServerConfig, log: (line: string) => void = console.log, options: ServerOptions = {}) {
  const clock = options.clock ?? (() => new Date());
  const store = openStore(config);
  const app = Fastify({ logger: { level: 'warn' }, bodyLimit: BODY_LIMIT_BYTES, frameworkErrors: answerFrameworkError, clientErrorHandler: answerClientError });
  registerRootErrorHandler(app, BODY_LIMIT_BYTES);
  const readiness = readinessGate(app);
  const layer = late<CommandLayer>('lists');
  const validator = late<ReturnType<typeof createTokenValidator>>('token validation');

  await store.registerRoutes(app);
  registerDevRoutes(app, store);
  registerDirectoryRoute(app, store, config.app.clientId);
  await registerApi(app, lateApiDependencies(layer, (header) => validator.get()(header), null, config.triageGroupKey, clock));
  await registerTab(app, WEB_DIST);

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const origin = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  store.setPublicOrigin(origin);

  // The API reaches the store only through Graph over HTTP, with an app-only token, exactly as it reaches SharePoint.
  const tokens = createClientCredentialsTokenProvider({ authority: `${origin}/local-issuer/${store.identity.tenantId}`, ...config.app });
  const connected = await connectCommandLayer({ graphBaseUrl: origin, tokens, site: config.site, listNames: config.listNames, createMissingLists: true });
  layer.set(connected);
  validator.set(createTokenValidator({ issuer: store.identity.issuer(), audience: config.apiAudience, jwksUrl: store.identity.jwksUri(), requiredScope: PERSON_SCOPE }));

  const system = systemPerson(config.app.clientId);
  await ensureSlaDefaults(slaRuntimeOf(connected), clock(), system);
  if (config.seed === 'demo' && !existsSync(join(config.dataDir, SEED_MARKER))) {
    readiness.phase('seeding demo data');
    log(`Service Desk is seeding demo data; it answers on ${origin} when done.`);
    const seeded = await seedDemo({
      target: connected,
      directory: { ensurePeople: async (people) => upsertDirectoryPeople(store, people) },
      appClientId: config.app.clientId,
      now: new Date(),
      log,
    });
    await ensureDefaultOlas(slaRuntimeOf(connected), seeded.referenceData.groups, clock(), system);
    writeFileSync(join(config.dataDir, SEED_MARKER), new Date().toISOString());
  }
  const worker = workerFor(connected, config.app.clientId, clock, log);
  if (config.worker) worker.scheduler.start();
  readiness.open();
  log(`Service Desk listening on ${origin}`);

  return {
    origin,
    store,
    /** The timed jobs: tests run them on demand with runOnce. */
    worker,
    async close() {
      await worker.scheduler.stop();
      await app.close();
      store.close();
    },
  };
}
