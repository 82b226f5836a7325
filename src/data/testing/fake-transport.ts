// A scripted last middleware for unit tests: answers each request from a queue and records what was sent.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { createGraphHttp } from '../client';
import type { GraphHttp } from '../http/graph-http';
import type { RetryPolicy } from '../http/retry-policy';

export interface SentRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string | undefined;
}

export type Scripted = Response | Error | ((request: SentRequest) => Response | Error);

export class FakeTransport implements Middleware {
  readonly sent: SentRequest[] = [];
  private readonly script: Scripted[] = [];
  /** Answer used once the script runs out (for endless failures). */
  fallback: Scripted | undefined;

  answer(...responses: Scripted[]): this {
    this.script.push(...responses);
    return this;
  }

  async execute(context: Context): Promise<void> {
    const options = context.options ?? {};
    const headers: Record<string, string> = {};
    new Headers(options.headers as HeadersInit | undefined).forEach((value, key) => (headers[key] = value));
    const request: SentRequest = {
      method: (options.method ?? 'GET').toUpperCase(),
      url: typeof context.request === 'string' ? context.request : context.request.url,
      headers,
      body: typeof options.body === 'string' ? options.body : undefined,
    };
    this.sent.push(request);
    const next = this.script.shift() ?? this.fallback;
    if (next === undefined) throw new Error(`FakeTransport: no answer scripted for ${request.method} ${request.url}`);
    const outcome = typeof next === 'function' ? next(request) : next;
    if (outcome instanceof Error) throw outcome;
    context.response = outcome;
  }
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

export function graphError(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return json(status, { error: { code, message, innerError: { 'request-id': 'req-123', date: '2026-01-01T00:00:00' } } }, headers);
}

/** A network failure as undici reports it: TypeError('fetch failed') with a coded cause. */
export function networkFailure(code = 'ECONNRESET'): Error {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(`socket ${code}`), { code }) });
}

export interface FakeGraph {
  readonly http: GraphHttp;
  readonly transport: FakeTransport;
  readonly sleeps: number[];
}

/** GraphHttp over a FakeTransport, with sleeps recorded instead of waited and jitter pinned. */
export function fakeGraph(options: { baseUrl?: string; retry?: Partial<RetryPolicy>; token?: () => Promise<string> } = {}): FakeGraph {
  const transport = new FakeTransport();
  const sleeps: number[] = [];
  const http = createGraphHttp({
    baseUrl: options.baseUrl ?? 'http://127.0.0.1:4999',
    auth: options.token ?? (async () => 'test-token'),
    transport,
    retry: {
      random: () => 0.5,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      now: () => Date.parse('2026-03-02T10:00:00Z'),
      ...options.retry,
    },
  });
  return { http, transport, sleeps };
}
