// GET /v1.0/sites/{site-id} and GET /v1.0/sites/{hostname}:/{server-relative-path}
// https://learn.microsoft.com/en-us/graph/api/site-get and https://learn.microsoft.com/en-us/graph/api/site-getbypath
import type { FastifyInstance } from 'fastify';
import { notFound } from '../http/errors';
import { requestOrigin } from '../http/request-context';
import { resolveSiteId, resolveSitePath, siteResource, type Site } from './site';

export function registerSiteRoutes(app: FastifyInstance, site: Site): void {
  app.get<{ Params: { siteId: string } }>('/sites/:siteId', async (request) => {
    const { siteId } = request.params;
    const colon = siteId.indexOf(':');
    // find-my-way stops a parameter at '/', so "host:/sites/x" arrives through the wildcard below.
    if (colon >= 0) return siteResource(resolveSitePath(site, siteId.slice(0, colon), siteId.slice(colon + 1)), requestOrigin(request));
    return siteResource(resolveSiteId(site, siteId), requestOrigin(request));
  });

  app.get<{ Params: { '*': string } }>('/sites/*', async (request) => {
    const rest = request.params['*'];
    const colon = rest.indexOf(':');
    if (colon < 0) throw notFound(`Resource not found for the segment '${rest}'.`);
    return siteResource(resolveSitePath(site, rest.slice(0, colon), rest.slice(colon + 1)), requestOrigin(request));
  });
}
