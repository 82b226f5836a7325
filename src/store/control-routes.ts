// /_store: health always; fault injection only when test controls are on.
import type { FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import type { Faults } from './faults';
import type { ListCatalog } from './lists/catalog';
import type { Site } from './sites/site';

interface ControlDeps {
  readonly site: Site;
  readonly catalog: ListCatalog;
  readonly faults: Faults;
  readonly testControls: boolean;
}

export function registerControlRoutes(app: FastifyInstance, deps: ControlDeps): void {
  app.setErrorHandler((error: Error, _request, reply) => {
    if (error instanceof ZodError) return reply.code(400).send({ error: { code: 'invalidRequest', message: error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') } });
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    return reply.code(status < 500 ? 400 : 500).send({ error: { code: status < 500 ? 'invalidRequest' : 'generalException', message: status < 500 ? error.message : 'An unspecified error has occurred.' } });
  });

  app.get('/health', async () => ({ status: 'ok', siteId: deps.site.id, lists: deps.catalog.all().length, testControls: deps.testControls }));

  if (!deps.testControls) return;
  app.post<{ Body: unknown }>('/faults', async (request) => {
    deps.faults.set(request.body as never);
    return deps.faults.snapshot();
  });
  app.get('/faults', async () => deps.faults.snapshot());
  app.delete('/faults', async (_request, reply) => {
    deps.faults.clear();
    return reply.code(204).send();
  });
}
