// onRequest hook (after auth, which names the app): charges each /v1.0 request to the app's resource-unit budget.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../http/auth';
import { GraphError } from '../http/errors';
import { resourceUnitCost, type ResourceBudget } from './budget';

export function budgetHook(budget: ResourceBudget) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!budget.enabled) return;
    const charge = budget.charge(actorOf(request).id, resourceUnitCost(request.method, request.url));
    if (charge.allowed) {
      for (const [name, value] of Object.entries(charge.headers)) reply.header(name, value);
      return;
    }
    throw new GraphError(429, 'activityLimitReached', 'The request has been throttled', {
      innerCode: 'throttledRequest',
      innerDetails: { resourceUnitLimit: charge.limit === 'minute' ? 'App 1-minute resource unit' : 'App daily resource unit' },
      headers: { 'Retry-After': String(charge.retryAfterSeconds), ...charge.headers },
    });
  };
}
