import { badRequest } from '../http/api-error';

// A paging cursor is Graph's nextLink wrapped with the query it continues, so a cursor handed out for one queue
// or one person's tickets cannot be replayed against another.

interface Cursor {
  readonly scope: string;
  readonly link: string;
}

export function encodeCursor(scope: string, link: string): string {
  return Buffer.from(JSON.stringify({ scope, link } satisfies Cursor), 'utf8').toString('base64url');
}

export function decodeCursor(raw: string, scope: string, listId: string): string {
  let cursor: Partial<Cursor>;
  try {
    cursor = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<Cursor>;
  } catch {
    throw badRequest('The cursor is not one this API handed out.', 'cursor');
  }
  if (cursor.scope !== scope || typeof cursor.link !== 'string' || !cursor.link.includes(`/lists/${encodeURIComponent(listId)}/items`)) {
    throw badRequest('The cursor belongs to another list of tickets; start again from the first page.', 'cursor');
  }
  return cursor.link;
}
