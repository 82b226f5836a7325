import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type ServerOptions } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';

export type EmbeddedServer = Awaited<ReturnType<typeof startServer>> & { dataDir: string; stop(): Promise<void> };

/**
 * Starts the whole embedded default in this process on a free port with a fresh data dir. The worker's timer is off
 * (tests run its jobs with server.worker.runOnce) unless ITSM_WORKER=on is given.
 */
export async function startEmbeddedServer(env: Record<string, string> = {}, options: ServerOptions = {}): Promise<EmbeddedServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'itsm-test-'));
  const config = loadConfig({ PORT: '0', ITSM_DATA_DIR: dataDir, ITSM_SEED: 'demo', ITSM_WORKER: 'off', ...env });
  const server = await startServer(config, () => undefined, options);
  return {
    ...server,
    dataDir,
    async stop() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A person token from the dev sign-in, as the tab gets one. */
export async function tokenFor(origin: string, upn: string): Promise<string> {
  const response = await fetch(`${origin}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ upn }) });
  if (!response.ok) throw new Error(`dev token for ${upn}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

export async function call(origin: string, path: string, init: { token?: string; method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${origin}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...init.headers,
    },
    ...(init.body === undefined ? {} : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: response.status, body: json as Record<string, any>, headers: response.headers };
}
