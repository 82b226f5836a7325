// @odata.nextLink values are absolute (https://graph.microsoft.com/v1.0/... from Graph, http://127.0.0.1:PORT/v1.0/...
// from the local store). The Graph client only treats https:// as absolute and would glue an http:// link onto the
// base URL, so links are cut back to a version and a path here, and only links to our own origin are followed.

export interface ApiPath {
  /** The API version segment, for example v1.0. */
  readonly version: string;
  /** The path after the version, with its query string left exactly as the server encoded it. */
  readonly path: string;
}

/**
 * Splits a nextLink into version and path, accepting absolute links to the base URL's origin (http or https)
 * and server-relative links. A link to any other origin is refused: following it would send our token there.
 */
export function normaliseNextLink(nextLink: string, baseUrl: string): ApiPath {
  const base = new URL(baseUrl);
  let link: URL;
  try {
    link = new URL(nextLink, base);
  } catch {
    throw new Error(`Unreadable @odata.nextLink: ${nextLink}`);
  }
  if (link.origin !== base.origin) {
    throw new Error(`Refusing to follow @odata.nextLink to ${link.origin}; Graph is configured at ${base.origin}`);
  }
  const prefix = base.pathname.replace(/\/+$/, '');
  let rest = link.pathname;
  if (prefix && rest.startsWith(`${prefix}/`)) rest = rest.slice(prefix.length);
  const match = /^\/([^/]+)(\/.*)?$/.exec(rest);
  if (!match || !match[2]) throw new Error(`@odata.nextLink has no API version and path: ${nextLink}`);
  // Keep the query as sent: the raw search string, not URLSearchParams, so skip tokens are not re-encoded.
  return { version: match[1] as string, path: `${match[2]}${link.search}` };
}
