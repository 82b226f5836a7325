// npm run kpi:rebuild [-- --origin URL]
// Rebuilds every KPI aggregate cell from the tickets' histories, in this process, against the running server's store
// (or a tenant's site). Safe to run again at any time: cells are upserted by key.
import { parseArgs } from 'node:util';
import { rebuildAll } from '../src/api/kpi/rebuild';
import { kpiServicesFor } from '../src/server/kpi-wiring';
import { connectForScript } from './lib/kpi/target';

async function main(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { origin: { type: 'string' } } });
  const layer = await connectForScript(process.env, values.origin);
  const s = await rebuildAll(kpiServicesFor(layer), new Date());
  console.log(`KPI aggregates rebuilt as of ${s.asOf}: ${s.tickets} tickets, ${s.cells} cells (${s.writes.created} created, ${s.writes.updated} updated, ${s.writes.unchanged} unchanged, ${s.writes.deleted} deleted) in ${s.seconds.toFixed(1)} s.`);
  if (s.milestonesFilled > 0) console.log(`${s.milestonesFilled} tickets stored before the LastMilestoneDate column now have it.`);
  if (s.skipped.length > 0) {
    console.log(`${s.skipped.length} tickets could not be measured and are in no figure:`);
    for (const e of s.skipped.slice(0, 20)) console.log(`  ${e.ticket}: ${e.code} ${e.message}`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`The KPI rebuild stopped: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
