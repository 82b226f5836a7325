// Small helpers the SLA routes share.
import type { FastifyRequest } from 'fastify';
import type { ApiDependencies } from '../dependencies';
import { ApiError } from '../http/api-error';
import type { SlaRuntime } from './runtime';

export function slaOf(deps: ApiDependencies): SlaRuntime {
  if (!deps.sla) throw new ApiError(503, 'sla_unavailable', 'SLA configuration is not set up on this server.');
  return deps.sla;
}

export function ifMatchOf(request: FastifyRequest): string | null {
  const header = request.headers['if-match'];
  return typeof header === 'string' && header ? header : null;
}

/** The next version number of a policy or agreement: versions are only added, never rewritten. */
export const nextVersion = (versions: readonly { record: { id: string; version: number } }[], key: string): number =>
  Math.max(0, ...versions.filter((v) => v.record.id === key).map((v) => v.record.version)) + 1;
