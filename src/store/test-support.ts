// Helpers for the store's own tests: an in-process store on Fastify's inject, with an app token ready.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { EMBEDDED_APP_CLIENT_ID, EMBEDDED_APP_CLIENT_SECRET } from './identity/constants';
import { createStore, type Store, type StoreOptions } from './store';

export interface GraphAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | number | undefined>;
  readonly text: string;
  readonly raw: Buffer;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers loosely
  readonly body: any;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface TestStore {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly dataDir: string;
  readonly token: string;
  readonly siteId: string;
  /** A /v1.0 call with the app token (unless headers.authorization is given). */
  graph(method: Method, url: string, options?: { body?: unknown; headers?: Record<string, string>; payload?: string | Buffer }): Promise<GraphAnswer>;
  /** Any call, no token added. */
  call(method: Method, url: string, options?: { body?: unknown; headers?: Record<string, string>; payload?: string | Buffer }): Promise<GraphAnswer>;
  close(): Promise<void>;
}

export async function openTestStore(options: Partial<StoreOptions> = {}): Promise<TestStore> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'store-test-'));
  const store = createStore({ testControls: true, devFeatures: true, ...options, dataDir });
  const app = Fastify({ logger: false });
  await store.registerRoutes(app);
  await app.ready();

  const call: TestStore['call'] = async (method, url, opts = {}) => {
    const response = await app.inject({
      method, url, headers: opts.headers ?? {},
      ...(opts.payload !== undefined ? { payload: opts.payload } : opts.body !== undefined ? { payload: opts.body as object } : {}),
    });
    let body: unknown;
    try {
      body = response.body ? JSON.parse(response.body) : undefined;
    } catch {
      body = undefined;
    }
    return { status: response.statusCode, headers: response.headers, text: response.body, raw: response.rawPayload, body };
  };

  const tokenAnswer = await call('POST', `/local-issuer/${store.identity.tenantId}/oauth2/v2.0/token`, {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      grant_type: 'client_credentials', client_id: options.app?.clientId ?? EMBEDDED_APP_CLIENT_ID,
      client_secret: options.app?.clientSecret ?? EMBEDDED_APP_CLIENT_SECRET, scope: 'https://graph.microsoft.com/.default',
    }).toString(),
  });
  const token = tokenAnswer.body.access_token as string;

  const graph: TestStore['graph'] = (method, url, opts = {}) =>
    call(method, `/v1.0${url}`, { ...opts, headers: { authorization: `Bearer ${token}`, ...opts.headers } });

  return {
    app, store, dataDir, token, siteId: store.site.id, graph, call,
    async close() {
      await app.close();
      store.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Columns used across the tests, written as Graph's columnDefinition. */
export const TEST_COLUMNS = [
  { name: 'Category', text: { maxLength: 100 }, indexed: true },
  { name: 'Rank', number: {}, indexed: true },
  { name: 'Flag', boolean: {}, indexed: true },
  { name: 'DueAt', dateTime: { format: 'dateTime' }, indexed: true },
  { name: 'Owner', text: {} },
  { name: 'Notes', text: { allowMultipleLines: true } },
  { name: 'State', choice: { choices: ['New', 'Open', 'Closed'] } },
  { name: 'Number', text: { maxLength: 32 }, indexed: true, enforceUniqueValues: true },
] as const;
