// npm run import -- <export.csv|.zip> --format servicenow-events [--mapping f.json] [--zone Europe/London] [--report bad.csv]
// Runs the API's import command in this process against the running server's store (/v1.0) or a tenant's site.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { importAppPrincipal } from '../src/api/import/app-principal';
import { CheckpointFile } from '../src/api/import/checkpoint';
import { BadRowReport } from '../src/api/import/report';
import { optionsKey, runImport } from '../src/api/import/run-import';
import { checkSource, sourceIdentity, SourceError } from '../src/api/import/source';
import { ThrottleGate } from '../src/api/import/throttle-gate';
import { connectCommandLayer } from '../src/api/runtime';
import { createClientCredentialsTokenProvider } from '../src/data';
import { UnavailableError } from '../src/data/errors';
import { HeaderError } from '../src/domain/import/session';
import { parseCli, USAGE, UsageError } from './lib/import/cli';
import { httpPeopleDirectory } from './lib/import/http-directory';
import { progressLine, summaryText } from './lib/import/summary';

let resumable: (() => boolean) | null = null;
/** A server or tenant that does not answer at all (no HTTP status): where it was tried, and what to do. */
let unreachable: ((error: UnavailableError) => string) | null = null;

async function main(): Promise<number> {
  const cli = parseCli(process.argv.slice(2), process.env);
  const { target } = cli;
  const options = { mapping: cli.mapping, zone: cli.zone };
  // The file is checked before anything is written or even asked of the server.
  await checkSource(cli.file);
  const checkpoint = new CheckpointFile(cli.checkpoint);
  resumable = () => checkpoint.resumeFrom(sourceIdentity(cli.file), optionsKey(options)) > 0;
  const tokens = createClientCredentialsTokenProvider({ authority: target.authority, clientId: target.clientId, clientSecret: target.clientSecret });
  // The gate is the Graph client's transport: every request of the import waits while a Retry-After runs.
  const gate = new ThrottleGate();
  const tenant = target.kind === 'tenant';
  unreachable = (error) => target.origin
    ? `Cannot reach the server at ${target.origin} (${error.graphMessage}). Start it with \`npm start\`, or check PORT or --origin.`
    : `Cannot reach ${error.code === 'tokenEndpointUnreachable' ? target.authority : target.graphBaseUrl} (${error.graphMessage}). Check the network and ITSM_GRAPH_BASE_URL / ITSM_TENANT_ID.`;
  const layer = await connectCommandLayer({
    graphBaseUrl: target.graphBaseUrl, tokens, site: cli.site, listNames: cli.listNames, createMissingLists: !tenant, http: { transport: gate },
  });
  mkdirSync(dirname(cli.checkpoint), { recursive: true });
  const interactive = process.stderr.isTTY;
  const summary = await runImport({
    file: cli.file,
    options,
    target: layer,
    directory: target.origin ? httpPeopleDirectory(target.origin, tokens) : null,
    principal: importAppPrincipal(target.clientId),
    checkpoint,
    badRows: cli.report ? new BadRowReport(cli.report) : null,
    parallel: cli.parallel,
    batchesInFlight: tenant ? 1 : 3,
    batchTries: tenant ? 20 : 3,
    onProgress: (p) => process.stderr.write(interactive ? `\r${progressLine(p)}\u001b[K` : `${progressLine(p)}\n`),
  });
  if (interactive) process.stderr.write('\n');
  console.log(summaryText(summary, gate.stats));
  if (cli.report) console.log(`Rows left out are listed in ${cli.report}.`);
  return 0;
}

/** A checkpoint of this file and options says some incidents are written, so running again resumes after them. */
function canResume(): boolean {
  try {
    return resumable?.() ?? false;
  } catch {
    return false;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
    else if (error instanceof HeaderError || error instanceof SourceError) console.error(error.message);
    else {
      const message = error instanceof Error ? error.message : String(error);
      const stopped = error instanceof UnavailableError && error.status === 0 && unreachable ? unreachable(error) : `The import stopped: ${message}`;
      // The hint only where it helps: after something was written and checkpointed.
      console.error(`${stopped}${canResume() ? '\nRun the same command again to resume; nothing is written twice.' : ''}`);
    }
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
