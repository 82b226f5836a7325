// The one place requests leave the adapter: builds the URL, sends it through the Graph client's middleware chain,
// and turns every failure into a typed error. Gateways above it never see a Response or a GraphError.
import { ResponseType, type Client, type GraphRequest } from '@microsoft/microsoft-graph-client';
import type { GraphRequestError } from '../errors';
import { errorFromResponse, networkError, type ErrorContext } from './error-mapping';
import { normaliseNextLink } from './next-link';
import { RequestState } from './request-state';
import type { RetryPolicy } from './retry-policy';

export type QueryValue = string | number | boolean | undefined;

export interface SendOptions {
  /** OData and other query options; values are URL-encoded here, names (such as $filter) are sent as given. */
  readonly query?: Readonly<Record<string, QueryValue>>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly signal?: AbortSignal;
}

export interface GraphAnswer<T> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export class GraphHttp {
  /**
   * @param baseUrl origin (and optional path prefix) that precedes the version, e.g. https://graph.microsoft.com
   * @param version API version segment, e.g. v1.0
   */
  /**
   * @param retry the retry settings the client's chain was built with, so helpers that retry on their own
   * (per-step $batch retries) wait the same way
   */
  constructor(
    private readonly client: Client,
    readonly baseUrl: string,
    readonly version: string,
    readonly retry: Partial<RetryPolicy> = {},
  ) {}

  get<T>(path: string, options?: SendOptions): Promise<GraphAnswer<T>> {
    return this.send<T>('GET', path, options);
  }

  post<T>(path: string, body: unknown, options?: Omit<SendOptions, 'body'>): Promise<GraphAnswer<T>> {
    return this.send<T>('POST', path, { ...options, body });
  }

  patch<T>(path: string, body: unknown, options?: Omit<SendOptions, 'body'>): Promise<GraphAnswer<T>> {
    return this.send<T>('PATCH', path, { ...options, body });
  }

  put<T>(path: string, body: unknown, options?: Omit<SendOptions, 'body'>): Promise<GraphAnswer<T>> {
    return this.send<T>('PUT', path, { ...options, body });
  }

  delete(path: string, options?: SendOptions): Promise<GraphAnswer<undefined>> {
    return this.send<undefined>('DELETE', path, options);
  }

  /** A GET whose answer is bytes (a file's content); redirects to a download URL are followed. */
  async getBytes(path: string, options?: Omit<SendOptions, 'body'>): Promise<GraphAnswer<Buffer>> {
    const response = await this.exchange('GET', path, options ?? {}, this.version);
    return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
  }

  /** Follows an @odata.nextLink from Graph or the local store (absolute http or https, or server-relative). */
  getNextLink<T>(nextLink: string, options?: Omit<SendOptions, 'query' | 'body'>): Promise<GraphAnswer<T>> {
    const { version, path } = normaliseNextLink(nextLink, this.baseUrl);
    return this.send<T>('GET', path, options ?? {}, version);
  }

  async send<T>(method: HttpMethod, path: string, options: SendOptions = {}, version = this.version): Promise<GraphAnswer<T>> {
    const response = await this.exchange(method, path, options, version);
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as T };
  }

  /** Sends through the middleware chain; a failure leaves as a typed error, a success as the Response, unread. */
  private async exchange(method: HttpMethod, path: string, options: SendOptions, version: string): Promise<Response> {
    const url = `${path}${queryString(options.query)}`;
    const state = new RequestState();
    let request = this.client.api(url).version(version).middlewareOptions([state]).responseType(ResponseType.RAW);
    if (options.headers) request = request.headers({ ...options.headers });
    if (options.signal) request = request.option('signal', options.signal);
    const context = (): ErrorContext => ({
      method,
      path: url.split('?')[0] ?? url,
      outcome: { tries: state.tries, waitedMs: state.waitedMs },
      shaped: /[?&]\$(filter|orderby)=/i.test(url),
    });
    let response: Response;
    try {
      response = (await dispatch(request, method, options.body)) as Response;
    } catch (error) {
      // The client re-wraps middleware errors; the typed or original ones were kept on the request state.
      if (state.failure) throw state.failure;
      throw networkError(state.networkError ?? error, context());
    }
    if (!response.ok) throw errorFromResponse(response.status, await response.text(), response.headers, context()) satisfies GraphRequestError;
    return response;
  }
}

function dispatch(request: GraphRequest, method: HttpMethod, body: unknown): Promise<unknown> {
  switch (method) {
    case 'GET':
      return request.get();
    case 'POST':
      return request.post(body ?? {});
    case 'PATCH':
      return request.patch(body ?? {});
    case 'PUT':
      return request.put(body ?? {});
    case 'DELETE':
      return request.delete();
  }
}

/** Values are percent-encoded so an apostrophe, ampersand or hash in a filter literal cannot break the URL. */
export function queryString(query: Readonly<Record<string, QueryValue>> | undefined): string {
  if (!query) return '';
  const parts = Object.entries(query)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}
