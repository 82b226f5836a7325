// The one configured site. Its ids are made on first start and kept, like a real site's.
// Site ids have Graph's "{hostname},{site-collection-id},{web-id}" form:
// https://learn.microsoft.com/en-us/graph/api/resources/site
import { randomUUID } from 'node:crypto';
import { readMeta, writeMeta, type Db } from '../db/open';
import { notFound } from '../http/errors';

export interface SiteConfig {
  readonly hostname: string;
  /** Server-relative path, e.g. /sites/servicedesk. */
  readonly path: string;
  readonly displayName: string;
  /** IANA zone of the site's regional settings: date-only values are local midnights in it. */
  readonly timeZone: string;
}

export interface Site extends SiteConfig {
  readonly id: string;
  readonly collectionId: string;
  readonly webId: string;
  readonly created: string;
  readonly webUrl: string;
}

export function normalizeSitePath(path: string): string {
  const trimmed = path.trim().replace(/:+$/, '').replace(/\/+$/, '');
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

export function loadSite(db: Db, config: SiteConfig, now: Date): Site {
  const hostname = config.hostname.toLowerCase();
  const path = normalizeSitePath(config.path);
  const stored = readMeta(db, 'site');
  let ids: { collectionId: string; webId: string; created: string };
  if (stored) {
    ids = JSON.parse(stored) as typeof ids;
  } else {
    ids = { collectionId: randomUUID(), webId: randomUUID(), created: now.toISOString().slice(0, 19) + 'Z' };
    writeMeta(db, 'site', JSON.stringify(ids));
  }
  return {
    ...ids,
    hostname,
    path,
    displayName: config.displayName,
    timeZone: config.timeZone,
    id: `${hostname},${ids.collectionId},${ids.webId}`,
    webUrl: `https://${hostname}${path === '/' ? '' : path}`,
  };
}

/** Resolve a {site-id} path segment; Graph also accepts the id's case-insensitive variants. */
export function resolveSiteId(site: Site, siteId: string): Site {
  if (siteId.toLowerCase() === site.id.toLowerCase()) return site;
  throw notFound(`The site '${siteId}' was not found. Use the site id '${site.id}' or /sites/${site.hostname}:${site.path}.`);
}

/** Resolve the {hostname}:/{server-relative-path} form. */
export function resolveSitePath(site: Site, hostname: string, path: string): Site {
  if (hostname.toLowerCase() === site.hostname && normalizeSitePath(path).toLowerCase() === site.path.toLowerCase()) return site;
  throw notFound(`Requested site could not be found: ${hostname}:${normalizeSitePath(path)}`);
}

export function siteResource(site: Site, origin: string): object {
  return {
    '@odata.context': `${origin}/v1.0/$metadata#sites/$entity`,
    createdDateTime: site.created,
    description: '',
    id: site.id,
    lastModifiedDateTime: site.created,
    name: site.path.split('/').pop() || site.hostname,
    webUrl: site.webUrl,
    displayName: site.displayName,
    siteCollection: { hostname: site.hostname },
  };
}
