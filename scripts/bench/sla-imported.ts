// SLA bench on the real log: imports the whole ServiceNow log (../shared/data) into a fresh local store as
// `npm run import` does, reads every ticket back through the Graph adapter, and times recomputing every clock
// (customer response and resolution, each group's OLA stints) with the seeded policy, calendar and default OLAs.
// Run: npm run bench -- sla-imported    (about three minutes, most of it the import)
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { importAppPrincipal } from '../../src/api/import/app-principal';
import { runImport } from '../../src/api/import/run-import';
import { connectCommandLayer } from '../../src/api/runtime';
import { ensureDefaultOlas } from '../../src/api/sla/bootstrap';
import { createClientCredentialsTokenProvider } from '../../src/data';
import { ticketFromItem } from '../../src/data/mappers/tickets';
import { SERVICENOW_EVENTS } from '../../src/domain/import/mapping';
import { computeTicketClocks } from '../../src/domain/sla/ticket-clocks';
import { loadConfig } from '../../src/server/config';
import { slaRuntimeOf } from '../../src/server/sla-wiring';
import { LOCAL_TENANT_ID } from '../../src/store/identity/constants';
import { systemPerson } from '../../src/worker';
import { httpPeopleDirectory } from '../lib/import/http-directory';
import { FULL_LOG, startServerProcess } from './import';

const RUNS = 5;
const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');

export async function runSlaImportedBench(file = FULL_LOG): Promise<void> {
  if (!existsSync(file)) {
    console.log(`SKIPPED: ${file} is not here (the full log lives in ../shared/data); nothing was measured.`);
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'itsm-sla-bench-'));
  const { child, origin } = await startServerProcess(dataDir);
  try {
    const config = loadConfig({});
    const tokens = createClientCredentialsTokenProvider({ authority: `${origin}/local-issuer/${LOCAL_TENANT_ID}`, ...config.app });
    const layer = await connectCommandLayer({ graphBaseUrl: origin, tokens, site: config.site, listNames: config.listNames, createMissingLists: true });
    const imported = await runImport({
      file, options: { mapping: SERVICENOW_EVENTS, zone: 'Europe/London' }, target: layer, directory: httpPeopleDirectory(origin, tokens),
      principal: importAppPrincipal(config.app.clientId), parallel: 6, batchesInFlight: 3,
    });
    const sla = slaRuntimeOf(layer);
    await ensureDefaultOlas(sla, imported.referenceData.groups, new Date(), systemPerson(config.app.clientId));
    console.log(`imported ${fmt(imported.tickets.created + imported.tickets.updated + imported.tickets.unchanged + imported.tickets.kept)} tickets in ${imported.seconds.toFixed(1)} s; default OLAs for ${imported.referenceData.groups.length} groups`);

    let t0 = performance.now();
    // No filter: a plain read pages through a list of any size.
    const items = await layer.gateway.listAll(layer.listIds.tickets, { top: 5000 }, { maxItems: 100_000 });
    const tickets = items.map((i) => ticketFromItem(i).ticket);
    console.log(`read ${fmt(tickets.length)} tickets back through the Graph adapter in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const now = Date.now();
    const times: number[] = [];
    let clocks = 0;
    const failures = new Map<string, number>();
    for (let run = 0; run < RUNS; run++) {
      // The first run compiles the calendars afresh (cold day cache); later runs reuse them, as the API does.
      if (run === 0) sla.invalidate();
      const context = (await sla.snapshot()).context(now);
      clocks = 0;
      failures.clear();
      t0 = performance.now();
      for (const ticket of tickets) {
        const r = computeTicketClocks(ticket, context);
        if (!r.ok) failures.set(r.errors[0]!.code, (failures.get(r.errors[0]!.code) ?? 0) + 1);
        else clocks += [r.value.sla?.response, r.value.sla?.resolution, ...r.value.ola.flatMap((s) => [s.response, s.resolution])].filter(Boolean).length;
      }
      times.push((performance.now() - t0) / 1000);
    }
    const sorted = [...times].sort((a, b) => a - b);
    console.log(
      `recompute every clock of ${fmt(tickets.length)} imported tickets (${fmt(clocks)} clocks; failures ${failures.size ? [...failures].map(([c, n]) => `${c} ${n}`).join(', ') : 'none'}): ` +
        `first (cold calendars) ${times[0]!.toFixed(2)} s, median of ${RUNS} ${sorted[Math.floor(RUNS / 2)]!.toFixed(2)} s (target < 5 s)`,
    );
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
