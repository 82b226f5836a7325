// Runs the real local store as its own process, as a deployment would, so the adapter is tested over HTTP.
// One store per test file: started in beforeAll with a fresh data directory, stopped in afterAll.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const LISTENING = /store listening on (http:\/\/\S+)/;

export interface StoreProcess {
  readonly origin: string;
  readonly dataDir: string;
  /** What the store wrote to stderr so far (shown when something goes wrong). */
  stderr(): string;
  /** Ends the process; its temp data directory goes too unless kept (to restart over the same data). */
  stop(options?: { keepData?: boolean }): Promise<void>;
  /** Kills the process group with SIGKILL (no shutdown code runs) and waits for it; the data directory stays. */
  killHard(): Promise<void>;
}

export interface StartOptions {
  /** Reuse a data directory (to restart a store over the same data); a fresh temp dir otherwise. */
  readonly dataDir?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
}

export async function startStore(options: StartOptions = {}): Promise<StoreProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'itsm-contract-'));
  const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
  // Own process group, so stop() ends tsx and the node process it starts, and nothing else.
  const child = spawn(process.execPath, [tsxCli, 'src/store/main.ts'], {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ITSM_DATA_DIR: dataDir, ITSM_STORE_TEST_CONTROLS: '1', ...options.env },
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));

  const origin = await new Promise<string>((resolveOrigin, reject) => {
    const timeoutMs = options.timeoutMs ?? 60_000;
    const fail = (why: string) => {
      cleanup();
      killGroup(child);
      reject(new Error(`The local store did not start: ${why}.\n--- stdout ---\n${stdout.slice(-2000)}\n--- stderr ---\n${stderr.slice(-4000)}`));
    };
    const timer = setTimeout(() => fail(`no "store listening on" line within ${timeoutMs} ms`), timeoutMs);
    const onData = () => {
      const match = LISTENING.exec(stdout);
      if (match?.[1]) {
        cleanup();
        resolveOrigin(match[1].replace(/\/+$/, ''));
      }
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => fail(`it exited (code ${code}, signal ${signal})`);
    const onError = (error: Error) => fail(`it could not be spawned (${error.message})`);
    function cleanup() {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      child.off('error', onError);
    }
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
    child.once('error', onError);
  });

  return {
    origin,
    dataDir,
    stderr: () => stderr,
    async killHard() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      killGroup(child, 'SIGKILL');
      await exited;
    },
    async stop(stopOptions = {}) {
      await stopChild(child);
      if (!options.dataDir && !stopOptions.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  killGroup(child, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
