import type { ApiErrorBody } from '../../contracts/api';

/** An API answer that was not a success, with the server's code, message and field details. */
export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly { field?: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

export type TokenSource = () => string | null;

async function readError(response: Response): Promise<ApiCallError> {
  try {
    const body = (await response.json()) as Partial<ApiErrorBody>;
    if (body.error?.message) return new ApiCallError(response.status, body.error.code, body.error.message, body.error.details ?? []);
  } catch {
    // Not JSON: fall through to a generic message with the status.
  }
  return new ApiCallError(response.status, 'http_error', `The service answered ${response.status} ${response.statusText}.`);
}

/** Typed calls to the service API; the tab never talks to Graph or SharePoint itself. */
export function createApiClient(getToken: TokenSource, baseUrl = '') {
  async function call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const token = getToken();
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          accept: 'application/json',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch {
      throw new ApiCallError(0, 'network', 'The service could not be reached. Check your connection and try again.');
    }
    if (!response.ok) throw await readError(response);
    return (await response.json()) as T;
  }
  return {
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body: unknown, headers?: Record<string, string>) => call<T>('POST', path, body, headers),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
