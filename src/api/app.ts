import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { MeResponse, ReferenceDataResponse } from '../contracts/api';
import { IDEMPOTENCY_HEADER } from '../contracts/api';
import type { PriorityMatrix } from '../domain/tickets/priority';
import type { Principal } from './auth/principal';
import { apiErrorHandler } from './http/error-handler';
import type { ReferenceRepository } from './reference/reference-repository';
import { createIncidentCommand } from './tickets/create-incident-command';
import { groupQueueQuery } from './tickets/queue-query';
import type { TicketRepository } from './tickets/ticket-repository';
import { toSummaryDto } from './tickets/to-dto';

export interface ApiDependencies {
  readonly validateToken: (authorization: string | undefined) => Promise<Principal>;
  readonly tickets: TicketRepository;
  readonly reference: ReferenceRepository;
  readonly priorityMatrix: () => Promise<PriorityMatrix>;
  readonly clock: () => Date;
}

/** Registers the service API under /api. Every route validates the token first; rules are enforced here, not in the tab. */
export async function registerApi(app: FastifyInstance, deps: ApiDependencies): Promise<void> {
  await app.register(
    async (api) => {
      api.setErrorHandler(apiErrorHandler);
      api.setNotFoundHandler((request, reply) => {
        void reply.status(404).send({ error: { code: 'not_found', message: `No API route ${request.method} ${request.url}.` } });
      });
      const signedIn = (request: FastifyRequest) => deps.validateToken(request.headers.authorization);

      api.get('/me', async (request): Promise<MeResponse> => {
        const me = await signedIn(request);
        const groups = await deps.reference.supportGroups();
        return {
          id: me.id,
          upn: me.upn,
          name: me.name,
          roles: me.roles,
          supportGroups: groups.filter((g) => g.isActive && me.groups.includes(g.entraGroupId)).map((g) => ({ key: g.key, name: g.name })),
        };
      });

      api.get('/reference', async (request): Promise<ReferenceDataResponse> => {
        await signedIn(request);
        const [groups, services] = await Promise.all([deps.reference.supportGroups(), deps.reference.services()]);
        return {
          supportGroups: groups.filter((g) => g.isActive).map((g) => ({ key: g.key, name: g.name })),
          services: services.filter((s) => s.isActive).map((s) => ({ key: s.key, name: s.name, defaultGroupKey: s.defaultGroupKey })),
        };
      });

      api.get<{ Params: { groupKey: string }; Querystring: { cursor?: string; pageSize?: string } }>(
        '/queues/:groupKey',
        async (request) => groupQueueQuery(deps, await signedIn(request), request.params.groupKey, request.query),
      );

      api.post<{ Body: Record<string, unknown> | null }>('/incidents', async (request, reply) => {
        const me = await signedIn(request);
        const headerKey = request.headers[IDEMPOTENCY_HEADER];
        const key = typeof headerKey === 'string' ? headerKey : randomUUID();
        const body = request.body && typeof request.body === 'object' ? request.body : {};
        const { stored, created } = await createIncidentCommand(deps, me, body, key);
        void reply.status(created ? 201 : 200);
        return { ticket: toSummaryDto(stored.ticket) };
      });
    },
    { prefix: '/api' },
  );
}
