import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiErrorBody } from '../../contracts/api';
import { TokenRejected } from '../auth/token-validator';
import { ApiError } from './api-error';
import { storageErrorToApiError } from './storage-errors';

function send(reply: FastifyReply, error: ApiError): void {
  const body: ApiErrorBody = { error: { ...error.extra, code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
  void reply.status(error.status).send(body);
}

/** Every failure leaves as {error:{code,message}}; people never see a stack trace. */
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
  const status = (error as FastifyError).statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    return send(reply, new ApiError(status, 'bad_request', `The request could not be read: ${error.message}`));
  }
  request.log.error({ err: error }, 'unhandled error');
  send(reply, new ApiError(500, 'internal', `Something went wrong on the server (request ${request.id}). Nothing was changed by a half-finished write.`));
}
