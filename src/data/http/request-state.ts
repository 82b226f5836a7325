// Per-request bookkeeping the middlewares fill in and the gateway reads when it turns an answer into a typed error.
// The Graph client wraps anything a middleware throws in its own GraphError, so typed failures travel here instead.
import type { Context, MiddlewareOptions } from '@microsoft/microsoft-graph-client';

export class RequestState implements MiddlewareOptions {
  /** Attempts sent, including the first. */
  tries = 0;
  /** Time spent waiting between attempts. */
  waitedMs = 0;
  /** Set when the retry middleware stopped because its bound was reached (as opposed to a final answer). */
  gaveUp = false;
  /** A typed failure raised inside the chain (for example the token provider's), rethrown as is by the gateway. */
  failure: Error | undefined;
  /** The last network error (the client keeps only its message; the cause, such as ECONNREFUSED, lives here). */
  networkError: unknown;
}

/** The state attached to a request, or a throwaway one for requests sent without it. */
export function requestState(context: Context): RequestState {
  const found = context.middlewareControl?.getMiddlewareOptions(RequestState);
  if (found instanceof RequestState) return found;
  const fresh = new RequestState();
  context.middlewareControl?.setMiddlewareOptions(RequestState, fresh);
  return fresh;
}

export function requestUrl(context: Context): string {
  return typeof context.request === 'string' ? context.request : context.request.url;
}

export function requestMethod(context: Context): string {
  const fromOptions = context.options?.method;
  if (fromOptions) return fromOptions.toUpperCase();
  return typeof context.request === 'string' ? 'GET' : context.request.method.toUpperCase();
}
