// POST /dev/directory/people: lets an import running in another process put its generated people into the embedded
// default's directory (what the dev sign-in lists). Only the API's own app token may call it. In a tenant people
// live in Entra and an import never writes them.
import type { FastifyInstance } from 'fastify';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { z } from 'zod';
import { GRAPH_AUDIENCE, type Store } from '../store';

const people = z.array(
  z.object({
    id: z.string(), upn: z.string(), name: z.string(), jobTitle: z.string().nullable(), department: z.string().nullable(),
    roles: z.array(z.enum(['Analyst', 'ServiceOwner', 'Admin'])), groups: z.array(z.string()),
  }),
).max(2000);

export interface DirectoryPerson {
  readonly id: string;
  readonly upn: string;
  readonly name: string;
  readonly jobTitle: string | null;
  readonly department: string | null;
  readonly roles: readonly ('Analyst' | 'ServiceOwner' | 'Admin')[];
  readonly groups: readonly string[];
}

export const DIRECTORY_ROUTE = '/dev/directory/people';

/** Puts people in the directory (insert or refresh by UPN); counts those that were not there. */
export function upsertDirectoryPeople(store: Store, list: readonly DirectoryPerson[]): { created: number; existing: number } {
  const before = list.filter((p) => store.directory.findByUpn(p.upn)).length;
  store.directory.upsertPeople(
    list.map((p) => ({ id: p.id, userPrincipalName: p.upn, displayName: p.name, mail: p.upn, jobTitle: p.jobTitle, department: p.department, appRoles: [...p.roles], groups: [...p.groups] })),
  );
  return { created: list.length - before, existing: before };
}

export function registerDirectoryRoute(app: FastifyInstance, store: Store, appClientId: string): void {
  app.post<{ Body: unknown }>(DIRECTORY_ROUTE, { bodyLimit: 4 * 1024 * 1024 }, async (request, reply) => {
    const token = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    try {
      const { payload } = await jwtVerify(token ?? '', createLocalJWKSet(store.identity.jwks() as Parameters<typeof createLocalJWKSet>[0]), {
        issuer: store.identity.issuer(),
        audience: GRAPH_AUDIENCE,
      });
      if (payload.idtyp !== 'app' || payload.appid !== appClientId) throw new Error('not the app');
    } catch {
      return reply.status(401).send({ error: { code: 'unauthorized', message: "Send the API app's own token (client credentials from the local issuer)." } });
    }
    const parsed = people.safeParse(request.body);
    if (!parsed.success) return reply.status(400).send({ error: { code: 'validation', message: parsed.error.issues[0]?.message ?? 'bad body' } });
    return upsertDirectoryPeople(store, parsed.data);
  });
}
