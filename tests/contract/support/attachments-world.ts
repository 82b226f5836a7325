// The embedded server's parts put together as src/server/app.ts does, plus the attachments service on the site's
// document library, so the attachments slice is tested end to end over HTTP: tab-shaped calls, person tokens,
// the API's access rules, the Graph adapter, and the local store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { registerApi } from '../../../src/api/app';
import { createDriveAttachmentService, type AttachmentService } from '../../../src/api/attachments/attachment-service';
import { createTokenValidator } from '../../../src/api/auth/token-validator';
import { connectCommandLayer, type CommandLayer } from '../../../src/api/runtime';
import { createClientCredentialsTokenProvider, createGraphHttp } from '../../../src/data';
import { DriveGateway } from '../../../src/data/drive/drive-gateway';
import { lateApiDependencies } from '../../../src/server/api-wiring';
import { late } from '../../../src/server/late';
import { createStore, EMBEDDED_API_AUDIENCE, EMBEDDED_APP_CLIENT_ID, EMBEDDED_APP_CLIENT_SECRET, PERSON_SCOPE } from '../../../src/store';

export const DESK_GROUP_ID = 'd0000000-0000-4000-8000-00000000000d';
export const PEOPLE = {
  admin: { id: 'a0000000-0000-4000-8000-000000000001', upn: 'ada.admin@world.example', name: 'Ada Admin', appRoles: ['Admin'], groups: [] as string[] },
  desk: { id: 'a0000000-0000-4000-8000-000000000002', upn: 'dara.desk@world.example', name: 'Dara Desk', appRoles: ['Analyst'], groups: [DESK_GROUP_ID] },
  caller: { id: 'a0000000-0000-4000-8000-000000000007', upn: "siobhan.o'neill@world.example", name: "Siobhán O'Neill", appRoles: [] as string[], groups: [] as string[] },
  stranger: { id: 'a0000000-0000-4000-8000-000000000008', upn: 'sam.stranger@world.example', name: 'Sam Stranger', appRoles: [] as string[], groups: [] as string[] },
} as const;
export type PersonName = keyof typeof PEOPLE;

export interface AttachmentsWorld {
  readonly origin: string;
  readonly tokens: Readonly<Record<PersonName, string>>;
  stop(): Promise<void>;
}

export async function startAttachmentsWorld(): Promise<AttachmentsWorld> {
  const dataDir = mkdtempSync(join(tmpdir(), 'itsm-attachments-'));
  const site = { hostname: 'contoso.sharepoint.com', path: '/sites/attachments' };
  const app = { clientId: EMBEDDED_APP_CLIENT_ID, clientSecret: EMBEDDED_APP_CLIENT_SECRET };
  const store = createStore({ dataDir, site, devFeatures: true, apiAudience: EMBEDDED_API_AUDIENCE, app });
  const server = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  const layer = late<CommandLayer>('lists');
  const attachments = late<AttachmentService>('attachments');
  const validator = late<ReturnType<typeof createTokenValidator>>('token validation');
  await store.registerRoutes(server);
  const deps = lateApiDependencies(layer, (header) => validator.get()(header), null);
  Object.defineProperty(deps, 'attachments', { get: () => attachments.get(), enumerable: true });
  await registerApi(server, deps);
  await server.listen({ port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${(server.server.address() as { port: number }).port}`;
  store.setPublicOrigin(origin);

  const tokens = createClientCredentialsTokenProvider({ authority: `${origin}/local-issuer/${store.identity.tenantId}`, ...app });
  const connected = await connectCommandLayer({ graphBaseUrl: origin, tokens, site, listNames: { tickets: 'Tickets', supportGroups: 'Support Groups', services: 'Services' }, createMissingLists: true });
  layer.set(connected);
  attachments.set(createDriveAttachmentService(new DriveGateway(createGraphHttp({ baseUrl: origin, auth: tokens }), connected.gateway.siteId)));
  validator.set(createTokenValidator({ issuer: store.identity.issuer(), audience: EMBEDDED_API_AUDIENCE, jwksUrl: store.identity.jwksUri(), requiredScope: PERSON_SCOPE }));

  store.directory.upsertPeople(Object.values(PEOPLE).map((p) => ({ id: p.id, userPrincipalName: p.upn, displayName: p.name, mail: p.upn, appRoles: [...p.appRoles] as never, groups: [...p.groups] })));
  const personTokens = Object.fromEntries(await Promise.all(Object.entries(PEOPLE).map(async ([k, p]) => [k, await store.identity.mintPersonToken({ upn: p.upn })] as const))) as Record<PersonName, string>;
  const admin = { authorization: `Bearer ${personTokens.admin}`, 'content-type': 'application/json' };
  for (const [path, body] of [
    ['/api/admin/support-groups/desk', { name: 'Service Desk', entraGroupId: DESK_GROUP_ID }],
    ['/api/admin/services/printing', { name: 'Printing', ownerId: PEOPLE.admin.id, defaultGroupKey: 'desk' }],
  ] as const) {
    const answer = await fetch(`${origin}${path}`, { method: 'PUT', headers: admin, body: JSON.stringify(body) });
    if (!answer.ok) throw new Error(`${path}: ${answer.status} ${await answer.text()}`);
  }
  return {
    origin,
    tokens: personTokens,
    async stop() {
      await server.close();
      store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
