import { createHash } from 'node:crypto';
import { badRequest } from '../http/api-error';
import type { StoredTicket } from './ticket-repository';

// The version a client reads and sends back with a command: the number of history entries it saw and a digest of
// the item's ETag. The count says which changes are new to the client; the digest makes an unchanged item a match.

export interface ClientVersion {
  readonly seenEntries: number;
  readonly digest: string;
}

const digestOf = (etag: string): string => createHash('sha256').update(etag).digest('base64url').slice(0, 16);

/** The ETag header value (and `etag` body field) for a stored ticket. */
export function versionOf(stored: StoredTicket): string {
  return `"${stored.ticket.history.length}-${digestOf(stored.etag)}"`;
}

const FORM = /^(?:W\/)?"?(\d{1,6})-([A-Za-z0-9_-]{16})"?$/;

/** Reads an If-Match header or an `expectedVersion` body field; null when the client sent neither. */
export function parseVersion(ifMatch: string | undefined, bodyVersion: unknown): ClientVersion | null {
  const raw = typeof ifMatch === 'string' && ifMatch.trim() ? ifMatch.trim() : typeof bodyVersion === 'string' ? bodyVersion.trim() : null;
  if (raw === null) return null;
  const match = FORM.exec(raw);
  if (!match) throw badRequest('The version is not one this API handed out: send the ETag of the ticket as you read it.', 'If-Match');
  return { seenEntries: Number(match[1]), digest: match[2]! };
}

export const sameVersion = (stored: StoredTicket, version: ClientVersion): boolean =>
  version.seenEntries === stored.ticket.history.length && version.digest === digestOf(stored.etag);
