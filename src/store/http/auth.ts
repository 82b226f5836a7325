// /v1.0 accepts only app-only tokens from the local issuer, as the tenant's site accepts only the API's app.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LocalIssuer } from '../identity/issuer';
import type { Actor } from '../lists/catalog';
import { requestOrigin } from './request-context';

const actors = new WeakMap<FastifyRequest, Actor>();

export function graphAuthHook(issuer: LocalIssuer) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    actors.set(request, await issuer.verifyGraphToken(request.headers.authorization, requestOrigin(request)));
  };
}

export function actorOf(request: FastifyRequest): Actor {
  const actor = actors.get(request);
  if (!actor) throw new Error('No verified caller on this request.');
  return actor;
}
