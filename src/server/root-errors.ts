import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
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

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (an address or headers over Node's 16 KB, a garbled
 * request line): answered in the same {error:{code,message}} shape instead of Fastify's own.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const body = JSON.stringify({
    error: tooLarge
      ? { code: 'request_too_large', message: 'The address or the headers are larger than the server reads (16 KB together). Shorten the query or the search text.' }
      : { code: 'bad_request', message: 'The request could not be read as HTTP.' },
  });
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}
