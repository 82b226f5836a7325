// /_store: health always; fault injection only when test controls are on.
import type { FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import type { ResourceBudget } from './faults/budget';
import type { Faults } from './faults/faults';
import type { Directory } from './identity/directory';
import type { ListCatalog } from './lists/catalog';
import type { Site } from './sites/site';

interface ControlDeps {
  readonly site: Site;
  readonly catalog: ListCatalog;
  readonly faults: Faults;
  readonly budget: ResourceBudget;
  readonly directory: Directory;
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
  // The resource-unit budget: {perMinute, perDay?, windowSeconds?}; DELETE turns it off.
  app.post<{ Body: unknown }>('/budget', async (request) => {
    deps.budget.set(request.body as never);
    return deps.budget.snapshot();
  });
  app.get('/budget', async () => deps.budget.snapshot());
  // People for the directory (GET /v1.0/users, person tokens), as the seed adds them in-process.
  app.post<{ Body: unknown }>('/people', async (request, reply) => {
    const people = (request.body as { people?: unknown } | null)?.people;
    if (!Array.isArray(people)) return reply.code(400).send({ error: { code: 'invalidRequest', message: 'The body must be {"people": [...]}.' } });
    return { value: deps.directory.upsertPeople(people as never) };
  });
  app.delete('/budget', async (_request, reply) => {
    deps.budget.set(undefined);
    return reply.code(204).send();
  });
}
