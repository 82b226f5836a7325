import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const JSON_PREFIXES = ['/api/', '/v1.0/', '/dev/', '/local-issuer/', '/_store/'];

/** Serves the built tab, with index.html for the tab's own routes, and JSON 404s everywhere else. */
export async function registerTab(app: FastifyInstance, webDist: string): Promise<void> {
  const built = existsSync(join(webDist, 'index.html'));
  if (built) await app.register(fastifyStatic, { root: webDist, wildcard: false, index: 'index.html' });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    // A missing file (a script, an icon, a source map) is a 404, never the tab's page served under its name.
    const looksLikeAFile = /\/[^/]+\.[A-Za-z0-9]+$/.test(path);
    if (request.method !== 'GET' || looksLikeAFile || JSON_PREFIXES.some((p) => path.startsWith(p))) {
      return reply.status(404).send({ error: { code: 'not_found', message: `Nothing at ${request.method} ${path}.` } });
    }
    if (!built) {
      return reply.status(503).type('text/plain').send('The tab has not been built. Run `npm start` (it builds the tab) or `npm run build:web`.');
    }
    return reply.type('text/html').sendFile('index.html');
  });
}
