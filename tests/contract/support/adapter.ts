// The adapter wired to a running local store exactly as the API wires it to Graph: client credentials from the
// local issuer, our middleware chain, the site resolved by hostname and path.
import { LOCAL_TENANT_ID, EMBEDDED_APP_CLIENT_ID, EMBEDDED_APP_CLIENT_SECRET } from '../../../src/store/identity/constants';
import { createClientCredentialsTokenProvider } from '../../../src/data/auth/client-credentials';
import { createGraphHttp } from '../../../src/data/client';
import type { GraphHttp } from '../../../src/data/http/graph-http';
import type { RetryPolicy } from '../../../src/data/http/retry-policy';
import { resolveSite } from '../../../src/data/lists/list-admin';
import { ListsGateway } from '../../../src/data/lists/lists-gateway';
import type { StoreProcess } from './store-process';

/** Fixed in the tests (passed to the store as ITSM_SITE_HOSTNAME / ITSM_SITE_PATH) so no default is assumed. */
export const SITE_HOSTNAME = 'contoso.sharepoint.com';
export const SITE_PATH = '/sites/contract-tests';
export const STORE_ENV = { ITSM_SITE_HOSTNAME: SITE_HOSTNAME, ITSM_SITE_PATH: SITE_PATH } as const;

export interface Adapter {
  readonly http: GraphHttp;
  readonly lists: ListsGateway;
  readonly siteId: string;
}

export function issuerAuthority(store: StoreProcess): string {
  return `${store.origin}/local-issuer/${LOCAL_TENANT_ID}`;
}

export async function connect(store: StoreProcess, retry: Partial<RetryPolicy> = {}): Promise<Adapter> {
  const tokens = createClientCredentialsTokenProvider({
    authority: issuerAuthority(store),
    clientId: process.env['ITSM_APP_CLIENT_ID'] ?? EMBEDDED_APP_CLIENT_ID,
    clientSecret: process.env['ITSM_APP_CLIENT_SECRET'] ?? EMBEDDED_APP_CLIENT_SECRET,
  });
  const http = createGraphHttp({ baseUrl: store.origin, auth: tokens, retry });
  const siteId = await resolveSite(http, SITE_HOSTNAME, SITE_PATH);
  return { http, lists: new ListsGateway(http, siteId), siteId };
}

/** Runs `task` over `inputs` with at most `limit` in flight; results keep the inputs' order. */
export async function mapLimited<T, R>(inputs: readonly T[], limit: number, task: (input: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(inputs.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < inputs.length) {
      const index = next;
      next += 1;
      results[index] = await task(inputs[index] as T, index);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, inputs.length) }, worker));
  return results;
}

/** Posts to a test control (POST /_store/...), which exists only with ITSM_STORE_TEST_CONTROLS=1. */
export async function testControl(store: StoreProcess, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${store.origin}/_store/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`Test control ${path} answered ${response.status}: ${text}`);
  return text ? (JSON.parse(text) as unknown) : undefined;
}
