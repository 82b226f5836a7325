// Query-string helpers. Graph v1.0 accepts system query options with or without the `$` prefix.
import type { FastifyRequest } from 'fastify';
import { badRequest } from './errors';

export type Query = Record<string, string | string[] | undefined>;

export function option(query: Query, name: string): string | undefined {
  const value = query[`$${name}`] ?? query[name];
  if (Array.isArray(value)) throw badRequest(`The query option $${name} is given more than once.`);
  return value;
}

/** Refuse options the store does not implement instead of silently ignoring them. */
export function refuseUnsupported(query: Query, supported: readonly string[]): void {
  for (const key of Object.keys(query)) {
    const bare = key.startsWith('$') ? key.slice(1) : key;
    if (supported.includes(bare)) continue;
    if (bare === 'skip') throw badRequest('$skip is not supported on this API. Only URLs returned by the API can be used to page.');
    if (key.startsWith('$')) throw badRequest(`The query option '${key}' is not supported by the local store on this resource.`);
  }
}

/** The same request URL with $skiptoken replaced, absolute, from the request's own origin. */
export function nextLink(request: FastifyRequest, origin: string, skiptoken: string): string {
  const [path = '', rawQuery = ''] = request.url.split('?', 2);
  const params = new URLSearchParams(rawQuery);
  params.delete('$skiptoken');
  params.delete('skiptoken');
  params.set('$skiptoken', skiptoken);
  const encoded = [...params.entries()].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  return `${origin}${path}?${encoded}`;
}
