// Reads the part of a drive URL after /drives/{drive-id}/ (or /sites/{site-id}/drive/), in Graph's forms:
//   root | root/children | root:/a/b.txt: | root:/a/b.txt:/content | root:/a:/children
//   items/{id} | items/{id}/children | items/{id}/content | items/{parent-id}:/name.txt:/content
//   items/{id}/listItem | items/{id}/listItem/fields (the file's library columns)
// https://learn.microsoft.com/en-us/graph/onedrive-addressing-driveitems
import { GraphError } from '../http/errors';

export interface DriveAddress {
  /** 'root', or the id of the item the address starts from. */
  readonly base: 'root' | { readonly id: string };
  /** Path segments below the base (path-based addressing). */
  readonly segments: readonly string[];
  readonly action: 'item' | 'children' | 'content' | 'listItem' | 'fields';
}

const unknown = (rest: string): GraphError => new GraphError(400, 'BadRequest', `Resource not found for the segment '${rest.split('/')[0] ?? rest}'.`);

/**
 * @param rest the path after the drive, still percent-encoded: a name may hold an encoded ':' or '/', which must
 * not be read as address syntax (SharePoint then refuses the name).
 */
export function parseDriveAddress(rest: string): DriveAddress {
  let base: DriveAddress['base'];
  let remainder: string;
  if (rest === 'root' || rest.startsWith('root/') || rest.startsWith('root:')) {
    base = 'root';
    remainder = rest.slice(4);
  } else if (rest.startsWith('items/')) {
    const match = /^items\/([^/:]+)(.*)$/.exec(rest);
    if (!match) throw unknown(rest);
    base = { id: decodeSegment(match[1]!) };
    remainder = match[2]!;
  } else {
    throw unknown(rest);
  }
  let segments: string[] = [];
  let tail = remainder;
  if (remainder.startsWith(':')) {
    const close = remainder.indexOf(':', 1);
    const path = close < 0 ? remainder.slice(1) : remainder.slice(1, close);
    tail = close < 0 ? '' : remainder.slice(close + 1);
    segments = path.split('/').filter((s) => s !== '').map(decodeSegment);
    if (segments.length === 0) throw new GraphError(400, 'invalidRequest', 'The path after ":" is empty.');
  }
  if (tail === '' || tail === '/') return { base, segments, action: 'item' };
  if (tail === '/children') return { base, segments, action: 'children' };
  if (tail === '/content') return { base, segments, action: 'content' };
  if (tail === '/listItem') return { base, segments, action: 'listItem' };
  if (tail === '/listItem/fields') return { base, segments, action: 'fields' };
  throw unknown(tail.replace(/^\/+/, ''));
}

export function conflictBehavior(query: Record<string, unknown>, fallback: 'fail' | 'replace' | 'rename'): 'fail' | 'replace' | 'rename' {
  const raw = query['@microsoft.graph.conflictBehavior'];
  if (raw === undefined) return fallback;
  if (raw === 'fail' || raw === 'replace' || raw === 'rename') return raw;
  throw new GraphError(400, 'invalidRequest', `@microsoft.graph.conflictBehavior must be fail, replace or rename; found '${String(raw)}'.`);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new GraphError(400, 'invalidRequest', `The path segment '${segment}' is not valid percent-encoding.`);
  }
}

/** The still-encoded path after /drives/{id}/ or /sites/{id}/drive/ in a request URL. */
export function encodedRest(url: string): string {
  const path = url.split('?', 1)[0] ?? '';
  const match = /\/(?:drives\/[^/]+|sites\/[^/]+\/drive)\/(.*)$/.exec(path);
  return match?.[1] ?? '';
}
