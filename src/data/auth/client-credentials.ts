// App-only tokens by the OAuth 2.0 client credentials grant. The same code talks to Entra
// (https://login.microsoftonline.com/{tenant}) and to the local issuer ({origin}/local-issuer/{tenant}).
import { AuthError, UnavailableError } from '../errors';
import type { AccessTokenSource } from '../http/auth-middleware';

export const GRAPH_DEFAULT_SCOPE = 'https://graph.microsoft.com/.default';

export interface ClientCredentialsOptions {
  /** Authority URL without the /oauth2/v2.0/token suffix. */
  readonly authority: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly scope?: string;
  /** Renew this long before expiry (capped at half the token's lifetime). Default 5 minutes. */
  readonly renewBeforeExpiryMs?: number;
  /** Give up on an issuer that does not answer. Default 30 seconds. */
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
}

interface CachedToken {
  readonly value: string;
  readonly renewAt: number;
}

export interface ClientCredentialsTokenProvider extends AccessTokenSource {
  invalidate(): void;
}

export function createClientCredentialsTokenProvider(options: ClientCredentialsOptions): ClientCredentialsTokenProvider {
  const endpoint = `${options.authority.replace(/\/+$/, '')}/oauth2/v2.0/token`;
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const renewBefore = options.renewBeforeExpiryMs ?? 5 * 60_000;
  let cached: CachedToken | undefined;
  // One request in flight at a time: concurrent callers share it instead of each asking the issuer.
  let inFlight: Promise<string> | undefined;

  async function requestToken(): Promise<string> {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: options.clientId,
      client_secret: options.clientSecret,
      scope: options.scope ?? GRAPH_DEFAULT_SCOPE,
    });
    const startedAt = now();
    let response: Response;
    try {
      response = await doFetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new UnavailableError({ status: 0, code: 'tokenEndpointUnreachable', message: reason, method: 'POST', path: new URL(endpoint).pathname }, { tries: 1, waitedMs: 0 });
    }
    const text = await response.text();
    const body = safeJson(text);
    if (!response.ok || typeof body?.['access_token'] !== 'string') {
      // Entra answers {error, error_description}; the description's first line is the useful part.
      const code = typeof body?.['error'] === 'string' ? body['error'] : `http${response.status}`;
      const description = typeof body?.['error_description'] === 'string' ? body['error_description'].split(/\r?\n/)[0] : text.slice(0, 200);
      throw new AuthError({ status: response.status, code, message: `token request for client ${options.clientId} failed: ${description}`, method: 'POST', path: new URL(endpoint).pathname });
    }
    const lifetimeMs = Number(body['expires_in'] ?? 3600) * 1000;
    const margin = Math.min(renewBefore, lifetimeMs / 2);
    cached = { value: body['access_token'], renewAt: startedAt + lifetimeMs - margin };
    return cached.value;
  }

  return {
    async getAccessToken(): Promise<string> {
      if (cached && now() < cached.renewAt) return cached.value;
      if (!inFlight) {
        inFlight = requestToken().finally(() => {
          inFlight = undefined;
        });
      }
      return inFlight;
    },
    invalidate(): void {
      cached = undefined;
    },
  };
}

function safeJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
