import type { FastifyInstance } from 'fastify';
import type { MeResponse, ReferenceDataResponse } from '../../contracts/api';
import { RESOLUTION_CODES } from '../../domain/tickets/resolution-codes';
import { authorize } from '../access/guard';
import type { ApiDependencies } from '../dependencies';
import { signedIn } from './request';

export function registerMeRoutes(api: FastifyInstance, deps: ApiDependencies): void {
  api.get('/me', async (request): Promise<MeResponse> => {
    const actor = await signedIn(deps, request);
    const groups = await deps.reference.supportGroups();
    const { principal } = actor;
    return {
      id: principal.id,
      upn: principal.upn,
      name: principal.name,
      roles: principal.roles,
      supportGroups: groups.filter((g) => actor.facts.groupKeys.includes(g.key)).map((g) => ({ key: g.key, name: g.name })),
    };
  });

  /** What the raise form and the commands offer: active groups, services and categories, the matrix and codes. */
  api.get('/reference', async (request): Promise<ReferenceDataResponse & { resolutionCodes: typeof RESOLUTION_CODES }> => {
    const actor = await signedIn(deps, request);
    authorize(actor, 'supportGroup.read');
    const [groups, services, categories, matrix] = await Promise.all([
      deps.reference.supportGroups(),
      deps.reference.services(),
      deps.reference.categories?.() ?? [],
      deps.priorityMatrix(),
    ]);
    return {
      supportGroups: groups.filter((g) => g.isActive).map((g) => ({ key: g.key, name: g.name })),
      services: services.filter((s) => s.isActive).map((s) => ({ key: s.key, name: s.name, defaultGroupKey: s.defaultGroupKey })),
      categories: categories.filter((c) => c.isActive).map((c) => ({ key: c.key, name: c.name, serviceKey: c.serviceKey })),
      priorityMatrix: matrix,
      resolutionCodes: RESOLUTION_CODES,
    };
  });
}
