// npm run import -- <export.csv|.zip> --format servicenow-events [--mapping f.json] [--zone Europe/London] [--report bad.csv]
// Runs the API's import command in this process against the running server's store (/v1.0) or a tenant's site.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { importAppPrincipal } from '../src/api/import/app-principal';
import { CheckpointFile } from '../src/api/import/checkpoint';
import { BadRowReport } from '../src/api/import/report';
import { runImport } from '../src/api/import/run-import';
import { ThrottleGate } from '../src/api/import/throttle-gate';
import { connectCommandLayer } from '../src/api/runtime';
import { createClientCredentialsTokenProvider } from '../src/data';
import { HeaderError } from '../src/domain/import/session';
import { parseCli, USAGE, UsageError } from './lib/import/cli';
import { httpPeopleDirectory } from './lib/import/http-directory';
import { progressLine, summaryText } from './lib/import/summary';

async function main(): Promise<number> {
  const cli = parseCli(process.argv.slice(2), process.env);
  const { target } = cli;
  const tokens = createClientCredentialsTokenProvider({ authority: target.authority, clientId: target.clientId, clientSecret: target.clientSecret });
  // The gate is the Graph client's transport: every request of the import waits while a Retry-After runs.
  const gate = new ThrottleGate();
  const tenant = target.kind === 'tenant';
  const layer = await connectCommandLayer({
    graphBaseUrl: target.graphBaseUrl, tokens, site: cli.site, listNames: cli.listNames, createMissingLists: !tenant, http: { transport: gate },
  });
  mkdirSync(dirname(cli.checkpoint), { recursive: true });
  const interactive = process.stderr.isTTY;
  const summary = await runImport({
    file: cli.file,
    options: { mapping: cli.mapping, zone: cli.zone },
    target: layer,
    directory: target.origin ? httpPeopleDirectory(target.origin, tokens) : null,
    principal: importAppPrincipal(target.clientId),
    checkpoint: new CheckpointFile(cli.checkpoint),
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

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
    else if (error instanceof HeaderError) console.error(error.message);
    else console.error(`The import stopped: ${error instanceof Error ? error.message : String(error)}\nRun the same command again to resume; nothing is written twice.`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
