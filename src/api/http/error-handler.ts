import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiErrorBody } from '../../contracts/api';
import { TokenRejected } from '../auth/token-validator';
import { ApiError } from './api-error';
import { BODY_LIMIT_BYTES, frameworkError } from './framework-errors';
import { storageErrorToApiError } from './storage-errors';

function send(reply: FastifyReply, error: ApiError): void {
  const body: ApiErrorBody = { error: { ...error.extra, code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
  void reply.status(error.status).send(body);
}

/** Every failure leaves as {error:{code,message}}; people never see a stack trace. */
export function sendApiError(reply: FastifyReply, error: ApiError): void {
  send(reply, error);
}

export function apiErrorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): void {
  if (error instanceof ApiError) return send(reply, error);
  if (error instanceof TokenRejected) {
    void reply.header('www-authenticate', 'Bearer');
    return send(reply, new ApiError(401, 'unauthenticated', error.message));
  }
  const fromStorage = storageErrorToApiError(error);
  if (fromStorage) {
    if (fromStorage.retryAfterSeconds !== undefined) void reply.header('retry-after', String(fromStorage.retryAfterSeconds));
    return send(reply, fromStorage.error);
  }
  const framework = frameworkError(error, BODY_LIMIT_BYTES);
  if (framework) return send(reply, framework);
  request.log.error({ err: error }, 'unhandled error');
  send(reply, internalError(request.id));
}

/** An unexpected failure. It does not claim nothing changed: a multi-step command may have finished its first step. */
export function internalError(requestId: string): ApiError {
  return new ApiError(500, 'internal', `Something went wrong on the server (request ${requestId}). Try again; if it keeps happening, give the service desk this request id.`);
}
