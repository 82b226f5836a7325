import type { FastifyInstance } from 'fastify';
import { registerAttachmentRoutes } from './attachments/attachment-routes';
import { registerConfigRoutes } from './config/config-routes';
import type { ApiDependencies } from './dependencies';
import { apiErrorHandler } from './http/error-handler';
import { registerKpiRoutes } from './kpi/kpi-routes';
import { registerPeopleRoutes } from './people/people-routes';
import { registerMeRoutes } from './routes/me-routes';
import { registerSlaRoutes } from './sla';
import { registerTicketCommandRoutes } from './tickets/routes/command-routes';
import { registerTicketQueryRoutes } from './tickets/routes/query-routes';

export type { ApiDependencies } from './dependencies';

/**
 * Registers the service API under /api. Every route validates the token first and checks the access table
 * (src/domain/access); rules are enforced here, never in the tab.
 */
export async function registerApi(app: FastifyInstance, deps: ApiDependencies): Promise<void> {
  await app.register(
    async (api) => {
      api.setErrorHandler(apiErrorHandler);
      // The API speaks JSON only: a text/plain body is refused (415) rather than read as an empty command.
      api.removeContentTypeParser('text/plain');
      api.setNotFoundHandler((request, reply) => {
        void reply.status(404).send({ error: { code: 'not_found', message: `No API route ${request.method} ${request.url}.` } });
      });
      registerMeRoutes(api, deps);
      registerTicketQueryRoutes(api, deps);
      registerTicketCommandRoutes(api, deps);
      registerPeopleRoutes(api, deps);
      registerConfigRoutes(api, deps);
      registerAttachmentRoutes(api, deps);
      registerKpiRoutes(api, deps);
      registerSlaRoutes(api, deps);
    },
    { prefix: '/api' },
  );
}
