export {};

// `npm run bench` runs every benchmark; `npm run bench -- NAME [NAME…]` runs the named ones. Figures go to stdout.
// Each benchmark module exports one async run function; modules load only when chosen, so one missing piece never
// stops the others from running.

type Bench = { readonly describe: string; readonly load: () => Promise<() => Promise<void>> };

const BENCHES: Record<string, Bench> = {
  api: { describe: 'queue pages on 50,000 vs 5,000 tickets, creates by 8 clients vs $batch, resident memory', load: async () => (await import('./api')).runApiBench },
  import: { describe: 'the whole ServiceNow log (../shared/data) into a fresh local store, then again unchanged', load: async () => (await import('./import')).runImportBench },
  kpi: { describe: 'every KPI from the histories of 25,000 synthetic tickets and of the real log when ../shared/data is there', load: async () => {
    const core = (await import('./kpi-core')).runKpiCoreBench;
    const dashboard = (await import('./kpi')).runKpiDashboardBench;
    return async () => {
      await core();
      await dashboard();
    };
  } },
  sla: { describe: 'business-time arithmetic on calendar D vs a minute-by-minute walk', load: async () => (await import('./sla')).runSlaBench },
  'sla-imported': { describe: 'every clock of the whole ServiceNow log (../shared/data), imported into a fresh store and read back', load: async () => (await import('./sla-imported')).runSlaImportedBench },
  web: { describe: 'tab start-up JS through the fake Teams host, and a 500-ticket group queue on 25,000 tickets', load: async () => (await import('./web')).runWebBench },
};

async function main(): Promise<void> {
  const requested = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = requested.filter((name) => !(name in BENCHES));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark ${unknown.join(', ')}. Known: ${Object.keys(BENCHES).join(', ')}.`);
    process.exit(2);
  }
  const names = requested.length > 0 ? requested : Object.keys(BENCHES);
  for (const name of names) {
    const bench = BENCHES[name]!;
    console.log(`\n=== bench ${name}: ${bench.describe}`);
    const started = Date.now();
    await (await bench.load())();
    console.log(`=== bench ${name} took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

await main();
