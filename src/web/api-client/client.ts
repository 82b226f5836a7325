import type { ApiErrorBody } from '../../contracts/api';
import { takePrefetched } from './prefetch';

/** An API answer that was not a success, with the server's code, message and field details. */
export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly { field?: string; message: string }[] = [],
    /** The whole error object, for answers that carry more (a 409 lists what changed). */
    readonly raw: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiCallError';
  }

  /** The message for one field, for showing beside it. */
  fieldMessage(field: string): string | undefined {
    return this.details.find((d) => d.field === field)?.message;
  }
}

export type TokenSource = () => string | null;

async function readError(response: Response): Promise<ApiCallError> {
  try {
    const body = (await response.json()) as Partial<ApiErrorBody>;
    if (body.error?.message) {
      return new ApiCallError(response.status, body.error.code, body.error.message, body.error.details ?? [], body.error as unknown as Record<string, unknown>);
    }
  } catch {
    // Not JSON: fall through to a generic message with the status.
  }
  if (response.status === 404) return new ApiCallError(404, 'not_found', 'The service does not offer this yet, or the record does not exist.');
  return new ApiCallError(response.status, 'http_error', `The service answered ${response.status} ${response.statusText}.`);
}

/** Typed calls to the service API; the tab never talks to Graph or SharePoint itself. */
export function createApiClient(getToken: TokenSource, baseUrl = '') {
  async function call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const token = getToken();
    // Files go as the raw body with their own type (the API's attachment upload); everything else as JSON.
    const isForm = (typeof FormData !== 'undefined' && body instanceof FormData) || (typeof Blob !== 'undefined' && body instanceof Blob);
    let response: Response;
    try {
      const early = method === 'GET' && !baseUrl ? await takePrefetched(path)?.catch(() => undefined) : undefined;
      response = early?.ok ? early : await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          accept: 'application/json',
          ...(body !== undefined && !isForm ? { 'content-type': 'application/json' } : {}),
          ...(body instanceof Blob ? { 'content-type': body.type || 'application/octet-stream' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        ...(body !== undefined ? { body: isForm ? (body as BodyInit) : JSON.stringify(body) } : {}),
      });
    } catch {
      throw new ApiCallError(0, 'network', 'The service could not be reached. Check your connection and try again.');
    }
    if (!response.ok) throw await readError(response);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  return {
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body: unknown, headers?: Record<string, string>) => call<T>('POST', path, body, headers),
    put: <T>(path: string, body: unknown, headers?: Record<string, string>) => call<T>('PUT', path, body, headers),
    patch: <T>(path: string, body: unknown, headers?: Record<string, string>) => call<T>('PATCH', path, body, headers),
    delete: <T>(path: string, headers?: Record<string, string>) => call<T>('DELETE', path, undefined, headers),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
