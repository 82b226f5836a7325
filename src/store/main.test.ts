// The standalone store process: its one stdout line, clean shutdown, and durability through kill -9.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EMBEDDED_APP_CLIENT_ID, EMBEDDED_APP_CLIENT_SECRET, LOCAL_TENANT_ID } from './identity/constants';

interface Running {
  readonly child: ChildProcess;
  readonly origin: string;
  stdout(): string;
  readonly exited: Promise<number | null>;
}

const dataDir = mkdtempSync(join(tmpdir(), 'store-main-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function start(): Promise<Running> {
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  const child = spawn(process.execPath, [tsx, 'src/store/main.ts'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: '0', ITSM_DATA_DIR: dataDir, ITSM_SITE_PATH: '/sites/main-test', ITSM_STORE_TEST_CONTROLS: '1' },
  });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line; stderr: ${err}`)), 30_000);
    child.stdout!.on('data', () => {
      const match = /^store listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    void exited.then((code) => reject(new Error(`exited with ${code}; stderr: ${err}`)));
  });
  return { child, origin, stdout: () => out, exited };
}

async function token(origin: string): Promise<string> {
  const answer = await fetch(`${origin}/local-issuer/${LOCAL_TENANT_ID}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: EMBEDDED_APP_CLIENT_ID, client_secret: EMBEDDED_APP_CLIENT_SECRET, scope: 'https://graph.microsoft.com/.default' }),
  });
  return ((await answer.json()) as { access_token: string }).access_token;
}

async function graph(origin: string, bearer: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const answer = await fetch(`${origin}/v1.0${path}`, {
    method,
    headers: { authorization: `Bearer ${bearer}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: answer.status, json: (await answer.json()) as Record<string, unknown> };
}

describe('src/store/main.ts', () => {
  let siteId = '';

  it('prints exactly one listening line, serves Graph, and stops cleanly on SIGTERM', async () => {
    const store = await start();
    const bearer = await token(store.origin);
    const site = await graph(store.origin, bearer, 'GET', '/sites/contoso.sharepoint.com:/sites/main-test');
    expect(site.status).toBe(200);
    siteId = site.json.id as string;
    expect((await graph(store.origin, bearer, 'POST', `/sites/${siteId}/lists`, { displayName: 'Durable', columns: [{ name: 'Seq', number: {}, indexed: true }] })).status).toBe(201);
    expect((await graph(store.origin, bearer, 'POST', `/sites/${siteId}/lists/Durable/items`, { fields: { Title: 'first', Seq: 0 } })).status).toBe(201);
    // To tsx alone, which relays it to the store: signalling the whole group races tsx's own exit (code 143).
    process.kill(store.child.pid!, 'SIGTERM');
    expect(await store.exited).toBe(0);
    expect(store.stdout()).toBe(`store listening on ${store.origin}\n`);
  });

  it('keeps every acknowledged write through kill -9, and reopens cleanly', async () => {
    const store = await start();
    const bearer = await token(store.origin);
    const ids: string[] = [];
    for (let i = 1; i <= 25; i++) {
      const created = await graph(store.origin, bearer, 'POST', `/sites/${siteId}/lists/Durable/items`, { fields: { Title: `w${i}`, Seq: i } });
      expect(created.status).toBe(201);
      ids.push(created.json.id as string);
    }
    const last = await graph(store.origin, bearer, 'PATCH', `/sites/${siteId}/lists/Durable/items/${ids[24]}/fields`, { Title: 'patched' });
    expect(last.status).toBe(200);
    process.kill(-store.child.pid!, 'SIGKILL');
    await store.exited;

    const again = await start();
    try {
      const bearer2 = await token(again.origin);
      const all = await graph(again.origin, bearer2, 'GET', `/sites/${siteId}/lists/Durable/items?$expand=fields&$top=100`);
      const titles = (all.json.value as { fields: { Title: string } }[]).map((i) => i.fields.Title);
      expect(titles).toHaveLength(26);
      expect(titles.at(-1)).toBe('patched');
      const next = await graph(again.origin, bearer2, 'POST', `/sites/${siteId}/lists/Durable/items`, { fields: { Title: 'after' } });
      expect(Number(next.json.id)).toBe(Number(ids[24]) + 1);
    } finally {
      process.kill(-again.child.pid!, 'SIGTERM');
      await again.exited;
    }
  });
});
