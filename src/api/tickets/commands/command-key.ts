import { randomBytes } from 'node:crypto';
import { badRequest } from '../../http/api-error';

export const KEY_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * The command's idempotency key: the Idempotency-Key header, else a `clientKey` body field. Without one the API
 * makes a short key so a message still gets a deterministic item key, but a lost answer cannot then be recognised.
 */
export function commandKeyOf(header: unknown, body: Readonly<Record<string, unknown>>): { key: string; fromClient: boolean } {
  const given = typeof header === 'string' && header ? header : typeof body.clientKey === 'string' ? body.clientKey : null;
  if (given === null) return { key: `api-${randomBytes(9).toString('base64url')}`, fromClient: false };
  if (!KEY_PATTERN.test(given)) throw badRequest('The Idempotency-Key must be 8 to 64 letters, digits, - or _.', 'Idempotency-Key');
  return { key: given, fromClient: true };
}
