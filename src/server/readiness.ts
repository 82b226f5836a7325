import type { FastifyInstance } from 'fastify';

const GATED = ['/api/', '/dev/'];

/**
 * Until the lists are connected and the first-start seed is complete, the API and the dev sign-in answer 503:
 * a queue read half-way through seeding would look complete and be wrong. The store (/v1.0) stays open,
 * because the seed itself writes through it.
 */
export function readinessGate(app: FastifyInstance) {
  let ready = false;
  let phase = 'connecting to the lists';
  app.addHook('onRequest', async (request, reply) => {
    if (ready || !GATED.some((p) => request.url.startsWith(p))) return;
    await reply
      .status(503)
      .header('retry-after', '5')
      .send({ error: { code: 'starting', message: `The service is starting (${phase}); try again in a few seconds.` } });
  });
  return {
    phase(text: string) {
      phase = text;
    },
    open() {
      ready = true;
    },
  };
}
