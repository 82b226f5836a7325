// Errors in Microsoft Graph's shape: {error:{code, message, innerError:{date, request-id, client-request-id}}}.
// https://learn.microsoft.com/en-us/graph/errors
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { requestIds } from './request-context';

export interface GraphErrorOptions {
  /** A more specific code placed in innerError.code (Graph's "detailed error codes"). */
  readonly innerCode?: string;
  /** Extra properties for innerError, e.g. the SharePoint exception behind a refusal. */
  readonly innerDetails?: Readonly<Record<string, unknown>>;
  readonly headers?: Readonly<Record<string, string>>;
}

export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly options: GraphErrorOptions = {},
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

export const badRequest = (message: string, options?: GraphErrorOptions): GraphError =>
  new GraphError(400, 'invalidRequest', message, options);

export const notFound = (message: string): GraphError => new GraphError(404, 'itemNotFound', message);

/** Graph prints innerError.date without milliseconds or zone, e.g. 2021-11-30T12:17:46. */
export function graphDate(now: Date): string {
  return now.toISOString().slice(0, 19);
}

export function errorBody(request: FastifyRequest, code: string, message: string, options: GraphErrorOptions = {}): object {
  const ids = requestIds(request);
  return {
    error: {
      code,
      message,
      innerError: {
        ...(options.innerCode ? { code: options.innerCode } : {}),
        ...options.innerDetails,
        date: graphDate(new Date()),
        'request-id': ids.requestId,
        'client-request-id': ids.clientRequestId,
      },
    },
  };
}

export function sendGraphError(request: FastifyRequest, reply: FastifyReply, error: GraphError): FastifyReply {
  for (const [name, value] of Object.entries(error.options.headers ?? {})) reply.header(name, value);
  return reply.code(error.status).type('application/json').send(errorBody(request, error.code, error.message, error.options));
}

/** Fastify's own failures (bad JSON, body too large, wrong media type) also leave in Graph's shape, never with a stack. */
export function graphErrorHandler(error: FastifyError | GraphError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof GraphError) return sendGraphError(request, reply, error);
  const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (status >= 400 && status < 500) {
    const code = status === 413 ? 'requestTooLarge' : status === 415 ? 'unsupportedMediaType' : 'invalidRequest';
    return sendGraphError(request, reply, new GraphError(status, code, publicMessage(error)));
  }
  console.error('[store] unexpected error', error);
  return sendGraphError(request, reply, new GraphError(500, 'generalException', 'An unspecified error has occurred.'));
}

function publicMessage(error: Error): string {
  if ('code' in error && error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return 'The request body is empty; a JSON object was expected.';
  if (error instanceof SyntaxError || ('code' in error && error.code === 'FST_ERR_CTP_INVALID_JSON_BODY')) {
    return 'The request body is not valid JSON.';
  }
  return error.message;
}
