import type { FastifyRequest } from 'fastify';
import { actorOf } from '../access/guard';
import type { Actor } from '../access/guard';
import type { ApiDependencies } from '../dependencies';
import { badRequest } from '../http/api-error';

/** Validates the bearer token (401 on failure) and places the person for the access table. */
export async function signedIn(deps: ApiDependencies, request: FastifyRequest): Promise<Actor> {
  const principal = await deps.validateToken(request.headers.authorization);
  return actorOf(deps.reference, principal);
}

/** A JSON object body, or {} (commands report missing fields themselves). */
export function bodyOf(request: FastifyRequest): Readonly<Record<string, unknown>> {
  const body = request.body;
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

export const PAGE_DEFAULT = 50;
export const PAGE_MAX = 200;

export function pageSizeOf(raw: string | undefined): number {
  // Digits only: Number() would also take 1e2, 0x10 and ' 5 '.
  const size = raw === undefined ? PAGE_DEFAULT : /^\d{1,6}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(size) || size < 1 || size > PAGE_MAX) throw badRequest(`pageSize must be a whole number from 1 to ${PAGE_MAX}.`, 'pageSize');
  return size;
}
