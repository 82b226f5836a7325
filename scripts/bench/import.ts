// Import benchmark: the whole ServiceNow log (../shared/data) into a fresh local store, as `npm run import` does it:
// the embedded server in its own process (ITSM_SEED=none, empty data dir), the import command in this one.
// One full run takes well over 30 s, so it runs once (then a second, unchanged run) rather than a median of several.
// Run: npm run bench -- import    (or: npx tsx scripts/bench/import.ts [file])
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { importAppPrincipal } from '../../src/api/import/app-principal';
import { runImport, type ImportSummary } from '../../src/api/import/run-import';
import { ThrottleGate } from '../../src/api/import/throttle-gate';
import { connectCommandLayer } from '../../src/api/runtime';
import { createClientCredentialsTokenProvider } from '../../src/data';
import { SERVICENOW_EVENTS } from '../../src/domain/import/mapping';
import { loadConfig } from '../../src/server/config';
import { LOCAL_TENANT_ID } from '../../src/store/identity/constants';
import { httpPeopleDirectory } from '../lib/import/http-directory';

const ROOT = resolve(import.meta.dirname, '../..');
export const FULL_LOG = resolve(ROOT, '../shared/data/uci_incident_event_log.zip');

/** The embedded server in its own process on an empty store; its worker timer is off so nothing else writes tickets. */
export async function startServerProcess(dataDir: string): Promise<{ child: ChildProcess; origin: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT, env: { ...process.env, PORT: '0', ITSM_DATA_DIR: dataDir, ITSM_SEED: 'none', ITSM_WORKER: 'off' }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const origin = await new Promise<string>((resolveOrigin, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not start within 60 s')), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      const m = /listening on (http:\/\/\S+)/.exec(chunk.toString());
      if (m) {
        clearTimeout(timer);
        resolveOrigin(m[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`the server stopped (exit ${code})`)));
  });
  return { child, origin };
}

const rate = (count: number, s: ImportSummary) => Math.round(count / s.seconds).toLocaleString('en-GB');

export async function importOnce(file: string): Promise<ImportSummary[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'itsm-import-bench-'));
  const { child, origin } = await startServerProcess(dataDir);
  try {
    const config = loadConfig({});
    const gate = new ThrottleGate();
    const tokens = createClientCredentialsTokenProvider({ authority: `${origin}/local-issuer/${LOCAL_TENANT_ID}`, ...config.app });
    const layer = await connectCommandLayer({ graphBaseUrl: origin, tokens, site: config.site, listNames: config.listNames, createMissingLists: true, http: { transport: gate } });
    const run = () =>
      runImport({
        file, options: { mapping: SERVICENOW_EVENTS, zone: 'Europe/London' }, target: layer, directory: httpPeopleDirectory(origin, tokens),
        principal: importAppPrincipal(config.app.clientId), parallel: 6, batchesInFlight: 3,
      });
    return [await run(), await run()];
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function runImportBench(file = FULL_LOG): Promise<void> {
  if (!existsSync(file)) {
    console.log(`SKIPPED: ${file} is not here (the full log lives in ../shared/data); nothing was measured.`);
    return;
  }
  const [first, second] = await importOnce(file);
  for (const [label, s] of [['first run (creates)', first!], ['second run (all unchanged)', second!]] as const) {
    const tickets = s.tickets.created + s.tickets.updated + s.tickets.unchanged + s.tickets.kept;
    console.log(
      `${label}: ${s.rows.toLocaleString('en-GB')} rows, ${tickets.toLocaleString('en-GB')} tickets ` +
        `(created ${s.tickets.created}, unchanged ${s.tickets.unchanged}), ${s.historyEntries.toLocaleString('en-GB')} history entries ` +
        `in ${s.seconds.toFixed(1)} s: ${rate(s.rows, s)} rows/s, ${rate(tickets, s)} tickets/s`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runImportBench(process.argv[2] ? resolve(process.argv[2]) : FULL_LOG);
