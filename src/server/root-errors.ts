import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { BODY_LIMIT_BYTES } from '../api/http/framework-errors';
import { frameworkError } from '../api/http/framework-errors';

/** Errors outside /api (dev sign-in, static files) in the same {error:{code,message}} shape, never a stack trace. */
export function registerRootErrorHandler(app: FastifyInstance, bodyLimitBytes: number): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = frameworkError(error, bodyLimitBytes);
    if (known) return reply.status(known.status).send({ error: { code: known.code, message: known.message } });
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: `Something went wrong on the server (request ${request.id}).` } });
  });
}

/** Errors Fastify raises before routing (a malformed URL, a bad content type header), in the same shape. */
export function answerFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const known = frameworkError(error, BODY_LIMIT_BYTES);
  void reply.status(known?.status ?? 400).send({ error: { code: known?.code ?? 'bad_request', message: known?.message ?? 'The request could not be read.' } });
}
