// npm run report -- --from YYYY-MM-DD --to YYYY-MM-DD [--group NAME] [--service NAME] --format json|csv|html [--origin URL]
// Prints the KPI figures for a period (both dates included) from the aggregate cells, with the same code as the
// dashboard's GET /api/kpi, against the running server's store (or a tenant's site). Run `npm run kpi:rebuild` first.
import { parseArgs } from 'node:util';
import { reportCsv } from '../src/contracts/kpi-csv';
import { reportHtml } from '../src/contracts/kpi-report-html';
import { kpiServicesFor } from '../src/server/kpi-wiring';
import { parseRange } from '../src/api/kpi/period';
import { kpiReport } from '../src/api/kpi/report';
import { connectForScript } from './lib/kpi/target';

const USAGE = 'Usage: npm run report -- --from YYYY-MM-DD --to YYYY-MM-DD [--group NAME] [--service NAME] --format json|csv|html [--origin URL]';

class UsageError extends Error {}

/** A group or service named by key or by display name (case-insensitive). */
function pick(name: string | undefined, items: readonly { key: string; name: string }[], what: string): string[] | null {
  if (name === undefined) return null;
  const found = items.find((i) => i.key === name) ?? items.find((i) => i.name.toLowerCase() === name.toLowerCase());
  if (!found) throw new UsageError(`No ${what} is called ${name}.`);
  return [found.key];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { from: { type: 'string' }, to: { type: 'string' }, group: { type: 'string' }, service: { type: 'string' }, format: { type: 'string', default: 'json' }, origin: { type: 'string' } },
  });
  const range = parseRange(values.from, values.to);
  if (typeof range === 'string') throw new UsageError(range);
  const format = values.format!;
  if (!['json', 'csv', 'html'].includes(format)) throw new UsageError('--format is json, csv or html.');
  const layer = await connectForScript(process.env, values.origin);
  const services = kpiServicesFor(layer);
  const [groups, svcs] = await Promise.all([layer.referenceUncached.supportGroups(), layer.referenceUncached.services()]);
  const report = await kpiReport(services, range, { groupIds: pick(values.group, groups, 'support group'), serviceIds: pick(values.service, svcs, 'service') });
  const out = format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : format === 'csv' ? reportCsv(report) : reportHtml(report);
  process.stdout.write(out);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof UsageError) console.error(`${error.message}\n${USAGE}`);
    else console.error(`The report stopped: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
