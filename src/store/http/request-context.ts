// Per-request ids (Graph answers with request-id and echoes client-request-id) and the request's own origin.
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

interface Ids {
  readonly requestId: string;
  readonly clientRequestId: string;
}

const ids = new WeakMap<FastifyRequest, Ids>();

export function requestIds(request: FastifyRequest): Ids {
  let found = ids.get(request);
  if (!found) {
    const requestId = randomUUID();
    const header = request.headers['client-request-id'];
    const clientRequestId = typeof header === 'string' && header.length <= 128 ? header : requestId;
    found = { requestId, clientRequestId };
    ids.set(request, found);
  }
  return found;
}

/** onRequest hook: stamp the ids on every answer, as Graph does. */
export async function stampRequestIds(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const { requestId, clientRequestId } = requestIds(request);
  reply.header('request-id', requestId);
  reply.header('client-request-id', clientRequestId);
}

/** The origin the client used, so absolute links (nextLink) point back where the request came from. */
export function requestOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

export function headerValue(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  if (Array.isArray(value)) return value.join(', ');
  return value;
}
