import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Fastify from 'fastify';
import { createTokenValidator } from '../api/auth/token-validator';
import { registerApi } from '../api/app';
import type { ReferenceRepository } from '../api/reference/reference-repository';
import type { TicketRepository } from '../api/tickets/ticket-repository';
import { createClientCredentialsTokenProvider } from '../data';
import { connectCommandLayer } from '../api/runtime';
import { DEFAULT_PRIORITY_MATRIX } from '../domain/tickets/priority';
import { PERSON_SCOPE, createStore } from '../store';
import type { ServerConfig } from './config';
import { registerDevRoutes } from './dev-routes';
import { late } from './late';
import { seedDemo } from './seed/run-seed';
import { registerTab } from './static-tab';

export const WEB_DIST = resolve(import.meta.dirname, '../../dist/web');
const SEED_MARKER = 'seed-complete';

/** The embedded default in one process: local store (/v1.0), local issuer, service API (/api), dev sign-in, tab. */
export async function startServer(config: ServerConfig, log: (line: string) => void = console.log) {
  mkdirSync(config.dataDir, { recursive: true });
  const store = createStore({
    dataDir: config.dataDir,
    site: config.site,
    devFeatures: true,
    testControls: config.storeTestControls,
    apiAudience: config.apiAudience,
    app: config.app,
  });
  const app = Fastify({ logger: { level: 'warn' }, bodyLimit: 1024 * 1024 });
  const tickets = late<TicketRepository>('ticket list');
  const reference = late<ReferenceRepository>('reference lists');
  const validator = late<ReturnType<typeof createTokenValidator>>('token validation');

  await store.registerRoutes(app);
  registerDevRoutes(app, store);
  await registerApi(app, {
    validateToken: (header) => validator.get()(header),
    tickets: {
      openQueuePage: (...args) => tickets.get().openQueuePage(...args),
      findByIdempotencyKey: (...args) => tickets.get().findByIdempotencyKey(...args),
      create: (...args) => tickets.get().create(...args),
    },
    reference: { supportGroups: () => reference.get().supportGroups(), services: () => reference.get().services() },
    priorityMatrix: async () => DEFAULT_PRIORITY_MATRIX,
    clock: () => new Date(),
  });
  await registerTab(app, WEB_DIST);

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const origin = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  store.setPublicOrigin(origin);

  // The API reaches the store only through Graph over HTTP, with an app-only token, exactly as it reaches SharePoint.
  const tokens = createClientCredentialsTokenProvider({ authority: `${origin}/local-issuer/${store.identity.tenantId}`, ...config.app });
  const layer = await connectCommandLayer({ graphBaseUrl: origin, tokens, site: config.site, listNames: config.listNames, createMissingLists: true });
  tickets.set(layer.tickets);
  reference.set(layer.reference);
  validator.set(createTokenValidator({ issuer: store.identity.issuer(), audience: config.apiAudience, jwksUrl: store.identity.jwksUri(), requiredScope: PERSON_SCOPE }));

  if (config.seed === 'demo' && !existsSync(join(config.dataDir, SEED_MARKER))) {
    await seedDemo({
      gateway: layer.gateway,
      lists: layer.listIds,
      upsertPerson: (p) =>
        store.directory.upsertPeople([{ id: p.id, userPrincipalName: p.upn, displayName: p.name, mail: p.upn, jobTitle: p.jobTitle, department: p.department, appRoles: [...p.roles], groups: [...p.groups] }]),
      commandDeps: { tickets: layer.tickets, reference: layer.referenceUncached, priorityMatrix: layer.priorityMatrix },
      now: new Date(),
      log,
    });
    writeFileSync(join(config.dataDir, SEED_MARKER), new Date().toISOString());
  }
  log(`Service Desk listening on ${origin}`);

  return {
    origin,
    store,
    async close() {
      await app.close();
      store.close();
    },
  };
}
