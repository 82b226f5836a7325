import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { badRequest } from '../http/api-error';

// A paging cursor is Graph's nextLink wrapped with the query it continues, and signed: the API follows the link with
// its own app token, so a client must not be able to edit it (drop the filter, raise $top, point at another list).

interface Cursor {
  readonly scope: string;
  readonly link: string;
}

/** Per process by default; several API instances behind one address share ITSM_CURSOR_KEY. */
let signingKey: Buffer = process.env.ITSM_CURSOR_KEY ? Buffer.from(process.env.ITSM_CURSOR_KEY, 'utf8') : randomBytes(32);

export function useCursorKey(key: string): void {
  signingKey = Buffer.from(key, 'utf8');
}

const sign = (payload: string): Buffer => createHmac('sha256', signingKey).update(payload).digest();

export function encodeCursor(scope: string, link: string): string {
  const payload = Buffer.from(JSON.stringify({ scope, link } satisfies Cursor), 'utf8').toString('base64url');
  return `${payload}.${sign(payload).toString('base64url')}`;
}

export function decodeCursor(raw: string, scope: string, listId: string): string {
  const [payload, signature, extra] = raw.split('.');
  const expected = payload ? sign(payload) : null;
  const given = signature ? Buffer.from(signature, 'base64url') : null;
  if (!payload || !expected || !given || extra !== undefined || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw badRequest('The cursor is not one this API handed out (or the service restarted since): start again from the first page.', 'cursor');
  }
  const cursor = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<Cursor>;
  if (cursor.scope !== scope || typeof cursor.link !== 'string' || !cursor.link.includes(`/lists/${encodeURIComponent(listId)}/items?`)) {
    throw badRequest('The cursor belongs to another list of tickets; start again from the first page.', 'cursor');
  }
  return cursor.link;
}
