// A small, known organisation on an unseeded embedded server, for API tests that must not depend on the demo seed:
// people put straight into the store's directory, groups and services created through the admin API.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT, decodeJwt, importJWK } from 'jose';
import type { EmbeddedServer } from './embedded-server';
import { call, startEmbeddedServer, tokenFor } from './embedded-server';
import type { ServerOptions } from '../../src/server/app';

export const DESK_GROUP_ID = 'd0000000-0000-4000-8000-00000000000d';
export const NET_GROUP_ID = 'e0000000-0000-4000-8000-00000000000e';

const PEOPLE = {
  admin: { id: 'a0000000-0000-4000-8000-000000000001', upn: 'ada.admin@world.example', name: 'Ada Admin', appRoles: ['Admin'], groups: [] },
  desk: { id: 'a0000000-0000-4000-8000-000000000002', upn: "dara.o'brien@world.example", name: "Dara O'Brien", appRoles: ['Analyst'], groups: [DESK_GROUP_ID] },
  desk2: { id: 'a0000000-0000-4000-8000-000000000003', upn: 'mei.chen@world.example', name: 'Mei Chen', appRoles: ['Analyst'], groups: [DESK_GROUP_ID] },
  net: { id: 'a0000000-0000-4000-8000-000000000004', upn: 'niamh.net@world.example', name: 'Niamh Net', appRoles: ['Analyst'], groups: [NET_GROUP_ID] },
  owner: { id: 'a0000000-0000-4000-8000-000000000005', upn: 'olu.owner@world.example', name: 'Olu Owner', appRoles: ['ServiceOwner'], groups: [] },
  otherOwner: { id: 'a0000000-0000-4000-8000-000000000006', upn: 'vik.owner@world.example', name: 'Vik Owner', appRoles: ['ServiceOwner'], groups: [] },
  caller: { id: 'a0000000-0000-4000-8000-000000000007', upn: "siobhan.o'neill@world.example", name: "Siobhán O'Neill 🌸", appRoles: [], groups: [] },
  stranger: { id: 'a0000000-0000-4000-8000-000000000008', upn: 'sam.stranger@world.example', name: 'Sam Stranger', appRoles: [], groups: [] },
} as const;

export type PersonName = keyof typeof PEOPLE;
export const people = PEOPLE;

export interface World {
  readonly server: EmbeddedServer;
  readonly origin: string;
  readonly tokens: Readonly<Record<PersonName, string>>;
  /** A token of `who` signed by the right key but expired an hour ago. */
  expiredToken(who: PersonName): Promise<string>;
  /** A token of `who` with a broken signature. */
  forgedToken(who: PersonName): string;
}

export async function startWorld(options: ServerOptions = {}): Promise<World> {
  const server = await startEmbeddedServer({ ITSM_SEED: 'none' }, options);
  server.store.directory.upsertPeople(
    Object.values(PEOPLE).map((p) => ({ id: p.id, userPrincipalName: p.upn, displayName: p.name, mail: p.upn, appRoles: [...p.appRoles], groups: [...p.groups] })),
  );
  const tokens = Object.fromEntries(await Promise.all(Object.entries(PEOPLE).map(async ([k, p]) => [k, await tokenFor(server.origin, p.upn)] as const))) as Record<PersonName, string>;
  const admin = tokens.admin;
  const put = async (path: string, body: unknown) => {
    const answer = await call(server.origin, path, { token: admin, method: 'PUT', body });
    if (answer.status >= 300) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  };
  await put('/api/admin/support-groups/desk', { name: 'Service Desk', entraGroupId: DESK_GROUP_ID });
  await put('/api/admin/support-groups/net', { name: 'Networks & Telephony', entraGroupId: NET_GROUP_ID });
  await put('/api/admin/services/printing', { name: 'Printing', ownerId: PEOPLE.owner.id, defaultGroupKey: 'desk' });
  await put('/api/admin/services/vpn', { name: 'VPN', ownerId: PEOPLE.otherOwner.id, defaultGroupKey: 'net' });
  return {
    server,
    origin: server.origin,
    tokens,
    async expiredToken(who) {
      const jwk = JSON.parse(readFileSync(join(server.dataDir, 'local-issuer-key.json'), 'utf8')) as Record<string, unknown>;
      const claims = decodeJwt(tokens[who]);
      const now = Math.floor(Date.now() / 1000);
      const header = JSON.parse(Buffer.from(tokens[who].split('.')[0]!, 'base64url').toString('utf8')) as { kid: string };
      return new SignJWT({ ...claims, iat: now - 7200, nbf: now - 7200, exp: now - 3600 })
        .setProtectedHeader({ alg: 'RS256', kid: header.kid })
        .sign(await importJWK(jwk, 'RS256'));
    },
    forgedToken(who) {
      const [h, p] = tokens[who].split('.');
      return `${h}.${p}.${Buffer.from('not the issuer signature').toString('base64url')}`;
    },
  };
}

/** Raises an incident as `token` and returns its number. */
export async function raise(world: World, token: string, body: Record<string, unknown> = {}): Promise<string> {
  const answer = await call(world.origin, '/api/incidents', { token, body: { title: "Printer won't print 🖨️", impact: 3, urgency: 3, serviceId: 'printing', ...body } });
  if (answer.status !== 201) throw new Error(`raise: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.ticket.number as string;
}

let keys = 0;
/** A fresh Idempotency-Key. */
export const newKey = (): string => `test-key-${process.pid}-${++keys}`;

/** Reads the ticket as `token` (to get its ETag), then runs the command with it. */
export async function act(world: World, token: string, number: string, action: string, body: Record<string, unknown> = {}, options: { etag?: string; key?: string } = {}) {
  const etag = options.etag ?? (await call(world.origin, `/api/tickets/${encodeURIComponent(number)}`, { token: world.tokens.admin })).body.etag;
  return call(world.origin, `/api/tickets/${encodeURIComponent(number)}/${action}`, { token, body, headers: { 'if-match': etag, 'idempotency-key': options.key ?? newKey() } });
}

/** The ticket as admin sees it (everything), for checks after a command. */
export async function adminView(world: World, number: string) {
  return (await call(world.origin, `/api/tickets/${encodeURIComponent(number)}`, { token: world.tokens.admin })).body;
}
