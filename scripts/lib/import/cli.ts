// Command-line options of `npm run import`, and the target they describe: the running embedded server (default) or
// a tenant through Microsoft Graph (client credentials), by the same code path.
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isValidTimeZone } from '../../../src/domain/calendar';
import { BUILT_IN_MAPPINGS, mappingFromJson, type ImportMapping } from '../../../src/domain/import/mapping';
import { loadConfig } from '../../../src/server/config';
import { LOCAL_TENANT_ID } from '../../../src/store/identity/constants';

export const USAGE = `Usage: npm run import -- <export.csv|export.zip> --format servicenow-events [options]
  --mapping FILE      JSON column and state mapping for another export ({"extends": "servicenow-events", ...})
  --zone ZONE         IANA time zone of the export's local times (default Europe/London)
  --report FILE       write rows left out, with line number and reason, as CSV
  --checkpoint FILE   where progress is kept for resuming (default: in the data dir)
  --origin URL        the running server (default http://HOST:PORT from the server settings)
  --parallel N        writes in flight per batch (default 6 locally, 2 against a tenant)
Against a tenant: set ITSM_GRAPH_BASE_URL=https://graph.microsoft.com, ITSM_TENANT_ID, ITSM_APP_CLIENT_ID,
ITSM_APP_CLIENT_SECRET, ITSM_SITE_HOSTNAME and ITSM_SITE_PATH.`;

export interface CliSettings {
  readonly file: string;
  readonly mapping: ImportMapping;
  readonly zone: string;
  readonly report: string | null;
  readonly checkpoint: string;
  readonly parallel: number;
  readonly target: {
    readonly kind: 'local' | 'tenant';
    readonly graphBaseUrl: string;
    readonly authority: string;
    readonly clientId: string;
    readonly clientSecret: string;
    readonly origin: string | null;
  };
  readonly site: { hostname: string; path: string };
  readonly listNames: { tickets: string; supportGroups: string; services: string };
}

export class UsageError extends Error {}

/** A prefix of a JSON text that could still become valid JSON (what follows it is where the text goes wrong). */
function viablePrefix(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (error) {
    const message = (error as Error).message;
    const at = /at position (\d+)/.exec(message);
    return /end of JSON input|Unterminated string/.test(message) || (at !== null && Number(at[1]) >= prefix.length);
  }
}

/** Where a JSON text goes wrong, as `at line L, column C (unexpected "x")`, the same on every Node version. */
export function jsonFault(text: string): string {
  let good = 0;
  let bad = text.length + 1;
  while (bad - good > 1) {
    const mid = (good + bad) >> 1;
    if (viablePrefix(text.slice(0, mid))) good = mid;
    else bad = mid;
  }
  if (good >= text.length) return '(it ends before the JSON is complete)';
  const before = text.slice(0, good).split('\n');
  return `at line ${before.length}, column ${before.at(-1)!.length + 1} (unexpected ${JSON.stringify(text[good])})`;
}

/** The mapping file's JSON object; a file that cannot be read or is not a JSON object is named with what was wrong. */
function readMappingFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `The mapping file ${path} does not exist.` : `The mapping file ${path} cannot be read: ${(error as Error).message}.`);
  }
  if (text.trim() === '') throw new UsageError(`The mapping file ${path} is empty.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError(`The mapping file ${path} is not valid JSON ${jsonFault(text)}.`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new UsageError(`The mapping file ${path} must hold a JSON object ({"extends": "servicenow-events", ...}).`);
  return parsed as Record<string, unknown>;
}

export function parseCli(argv: readonly string[], env: NodeJS.ProcessEnv): CliSettings {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      format: { type: 'string' }, mapping: { type: 'string' }, zone: { type: 'string', default: 'Europe/London' },
      report: { type: 'string' }, checkpoint: { type: 'string' }, origin: { type: 'string' }, parallel: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('Name one export file (.csv or .zip).');
  const file = resolve(positionals[0]!);
  const base = BUILT_IN_MAPPINGS[values.format ?? ''];
  if (!base) throw new UsageError(`--format must be one of ${Object.keys(BUILT_IN_MAPPINGS).join(', ')}.`);
  let mapping = base;
  if (values.mapping) {
    const parsed = mappingFromJson({ extends: base.format, ...readMappingFile(values.mapping) });
    if (!parsed.ok) throw new UsageError(`The mapping file ${values.mapping} is not valid:\n  ${parsed.problems.join('\n  ')}`);
    mapping = parsed.mapping;
  }
  if (!isValidTimeZone(values.zone!)) throw new UsageError(`--zone ${values.zone} is not an IANA time zone.`);
  const config = loadConfig(env);
  const tenant = env.ITSM_GRAPH_BASE_URL;
  const origin = (values.origin ?? env.ITSM_ORIGIN ?? `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`).replace(/\/+$/, '');
  const parallel = Number(values.parallel ?? (tenant ? 2 : 6));
  if (!Number.isInteger(parallel) || parallel < 1 || parallel > 32) throw new UsageError('--parallel must be a whole number from 1 to 32.');
  if (tenant && !env.ITSM_TENANT_ID) throw new UsageError('ITSM_TENANT_ID is needed with ITSM_GRAPH_BASE_URL.');
  return {
    file, mapping, zone: values.zone!, report: values.report ? resolve(values.report) : null, parallel,
    checkpoint: resolve(values.checkpoint ?? join(config.dataDir, 'import-checkpoints', `${basename(file)}.json`)),
    target: tenant
      ? { kind: 'tenant', graphBaseUrl: tenant, authority: `https://login.microsoftonline.com/${env.ITSM_TENANT_ID}`, ...config.app, origin: null }
      : { kind: 'local', graphBaseUrl: origin, authority: `${origin}/local-issuer/${LOCAL_TENANT_ID}`, ...config.app, origin },
    site: config.site,
    listNames: config.listNames,
  };
}
