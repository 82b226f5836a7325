import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
export const WEB_DIST = join(ROOT, 'dist/web');
// The clock definitions page bundles docs/clock-definitions.md.
const WEB_SOURCES = ['src/web', 'src/contracts', 'src/domain', 'vite.config.ts', 'package-lock.json', 'docs/clock-definitions.md'].map((p) => join(ROOT, p));

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stat.mtimeMs);
}

/** Builds the tab when dist/web is missing or older than its sources, so `npm start` always serves the current tab. */
export async function ensureWebBuild(log: (line: string) => void = console.log): Promise<void> {
  const index = join(WEB_DIST, 'index.html');
  if (existsSync(index)) {
    const built = statSync(index).mtimeMs;
    if (WEB_SOURCES.every((p) => !existsSync(p) || newestChange(p) <= built)) return;
  }
  log('Building the tab (first start or sources changed)…');
  const started = Date.now();
  const { build } = await import('vite');
  // Always React's production build, also when a test run (NODE_ENV=test) or a script asks for the tab.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(ROOT, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  log(`Tab built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
