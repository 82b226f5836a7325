import type { FastifyInstance } from 'fastify';
import type { DevUserDto } from '../contracts/api';
import type { Store } from '../store';

/** The dev sign-in of the embedded default: list seeded people, mint a person token from the local issuer. */
export function registerDevRoutes(app: FastifyInstance, store: Store): void {
  app.get('/dev/users', async (): Promise<DevUserDto[]> =>
    store.directory.list().map((p) => ({ upn: p.userPrincipalName, name: p.displayName, roles: p.appRoles, jobTitle: p.jobTitle })),
  );
  app.post<{ Body: unknown }>('/dev/token', async (request, reply) => {
    const upn = (request.body as { upn?: unknown } | null)?.upn;
    if (typeof upn !== 'string' || upn.length === 0) {
      return reply.status(400).send({ error: { code: 'validation', message: 'Send JSON {"upn": "..."} naming a seeded person.' } });
    }
    if (!store.directory.findByUpn(upn)) {
      return reply.status(404).send({ error: { code: 'not_found', message: `No seeded person has the UPN ${upn}.` } });
    }
    return { access_token: await store.identity.mintPersonToken({ upn }), token_type: 'Bearer' };
  });
}
