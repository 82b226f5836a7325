// npm run worker -- once <breach-warnings | auto-close | all> [--origin URL]
// Runs the worker's jobs now, once, against the running server's store (or a tenant, with the same settings as
// `npm run import`). The jobs are idempotent: running one while the server's own timer runs it does the work once.
import { parseArgs } from 'node:util';
import { connectCommandLayer } from '../src/api/runtime';
import { createClientCredentialsTokenProvider } from '../src/data';
import { loadConfig } from '../src/server/config';
import { workerFor } from '../src/server/sla-wiring';
import { LOCAL_TENANT_ID } from '../src/store/identity/constants';
import { JOB_NAMES, describeJobReport, isJobName } from '../src/worker';

const USAGE = `Usage: npm run worker -- once <${JOB_NAMES.join(' | ')} | all> [--origin URL]
  --origin URL   the running server (default http://HOST:PORT from the server settings)
Against a tenant: ITSM_GRAPH_BASE_URL, ITSM_TENANT_ID, ITSM_APP_CLIENT_ID, ITSM_APP_CLIENT_SECRET, ITSM_SITE_HOSTNAME, ITSM_SITE_PATH.`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: { origin: { type: 'string' } } });
  const [command, job] = positionals;
  if (command !== 'once' || !job || (job !== 'all' && !isJobName(job))) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig(process.env);
  const tenant = process.env.ITSM_GRAPH_BASE_URL;
  const origin = (values.origin ?? process.env.ITSM_ORIGIN ?? `http://${config.host}:${config.port}`).replace(/\/+$/, '');
  const authority = tenant ? `https://login.microsoftonline.com/${process.env.ITSM_TENANT_ID}` : `${origin}/local-issuer/${LOCAL_TENANT_ID}`;
  const tokens = createClientCredentialsTokenProvider({ authority, ...config.app });
  const layer = await connectCommandLayer({ graphBaseUrl: tenant ?? origin, tokens, site: config.site, listNames: config.listNames, createMissingLists: !tenant });
  const worker = workerFor(layer, config.app.clientId, () => new Date(), console.log);
  const reports = job === 'all' ? await worker.runAll() : [await worker.runOnce(job)];
  for (const report of reports) {
    console.log(describeJobReport(report));
    for (const problem of report.problems.slice(0, 20)) console.log(`  ${problem}`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`The worker stopped: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
