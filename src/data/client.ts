// Builds the Graph client with our own middleware chain: auth -> retry -> HTTP.
// The client's default chain sends no Authorization header to http:// base URLs (the local store) and has its own
// retry rules; ours honours Retry-After in any letter case, refuses to retry threshold refusals, and is bounded.
import { Client, type Middleware } from '@microsoft/microsoft-graph-client';
import { AuthMiddleware, type AccessTokenSource } from './http/auth-middleware';
import { GraphHttp } from './http/graph-http';
import { NodeHttpTransport } from './http/node-transport';
import { RetryMiddleware } from './http/retry-middleware';
import type { RetryPolicy } from './http/retry-policy';

export const GRAPH_BASE_URL = 'https://graph.microsoft.com';
export const GRAPH_VERSION = 'v1.0';

export interface GraphClientOptions {
  /** Origin (and optional path prefix) before the version: https://graph.microsoft.com, or http://127.0.0.1:PORT locally. */
  readonly baseUrl?: string;
  readonly version?: string;
  /** Bearer tokens: a function, or a source that can also forget a token Graph rejected. */
  readonly auth: AccessTokenSource | (() => Promise<string>);
  readonly retry?: Partial<RetryPolicy>;
  /** The last middleware; node:http(s) with kept-alive connections unless a caller supplies its own (tests: a fake). */
  readonly transport?: Middleware;
}

export function createGraphClient(options: GraphClientOptions): Client {
  const baseUrl = normaliseBaseUrl(options.baseUrl ?? GRAPH_BASE_URL);
  const tokens: AccessTokenSource = typeof options.auth === 'function' ? { getAccessToken: options.auth } : options.auth;
  return Client.initWithMiddleware({
    baseUrl,
    defaultVersion: options.version ?? GRAPH_VERSION,
    middleware: [new AuthMiddleware(tokens, new URL(baseUrl).origin), new RetryMiddleware(options.retry), options.transport ?? new NodeHttpTransport()],
  });
}

/** The client wrapped in GraphHttp, which the gateways use: typed errors, encoded queries, nextLink following. */
export function createGraphHttp(options: GraphClientOptions): GraphHttp {
  const baseUrl = normaliseBaseUrl(options.baseUrl ?? GRAPH_BASE_URL);
  return new GraphHttp(createGraphClient({ ...options, baseUrl }), baseUrl, options.version ?? GRAPH_VERSION, options.retry ?? {});
}

function normaliseBaseUrl(raw: string): string {
  const url = new URL(raw);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`Graph base URL must be http(s): ${raw}`);
  if (url.search || url.hash) throw new Error(`Graph base URL must not carry a query or fragment: ${raw}`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
