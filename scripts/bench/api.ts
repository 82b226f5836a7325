// The service API at scale: a group's queue (first and last page) on 50,000 tickets beside the same queue on 5,000,
// creates through the API by 8 concurrent clients beside the $batch bulk rate, and the process's resident memory.
// The server (API and embedded store, as `npm start` runs them) is in this process; the clients whose figures are the
// targets run in a child process (load-client.ts), as browsers would. The creates are also timed from inside this
// process, client and server sharing one core, and printed beside for comparison.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { connectCommandLayer } from '../../src/api/runtime';
import { createClientCredentialsTokenProvider } from '../../src/data';
import type { FieldValues } from '../../src/data/mappers/fields';
import { serviceToFields } from '../../src/data/mappers/services';
import { supportGroupToFields } from '../../src/data/mappers/support-groups';
import { EMBEDDED_APP_CLIENT_ID, EMBEDDED_APP_CLIENT_SECRET } from '../../src/store';
import type { EmbeddedServer } from '../../tests/support/embedded-server';
import { call, startEmbeddedServer, tokenFor } from '../../tests/support/embedded-server';
import { benchTicketRows } from './web-fixtures';

const GROUP = 'bench-group';
const GROUP_ENTRA = '0b0e5c1a-2f6d-4c1e-9a7b-3d5e7f9a1b2c';
const OPEN = 4900;
const PAGE = 100;
const WARM_REQUESTS = 200;
const CLIENTS = 8;
const CREATES_PER_CLIENT = 60;
const CREATE_ROUNDS = 5;

const pct = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const ms = (v: number): string => `${v.toFixed(1)} ms`;

async function fillStore(server: EmbeddedServer, total: number): Promise<string> {
  const data = server.store.data;
  data.insertItems('Support Groups', [
    supportGroupToFields({ key: GROUP, name: 'Bench group', entraGroupId: GROUP_ENTRA, teamsChannelId: null, isActive: true }),
    supportGroupToFields({ key: 'bench-other', name: 'Other group', entraGroupId: '1c1e5c1a-2f6d-4c1e-9a7b-3d5e7f9a1b2c', teamsChannelId: null, isActive: true }),
  ]);
  const [analyst] = server.store.directory.upsertPeople([{ userPrincipalName: 'bench.analyst@bench.example', displayName: 'Bench Analyst', appRoles: ['Analyst'], groups: [GROUP_ENTRA] }]);
  data.insertItems('Services', [serviceToFields({ key: 'email', name: 'Email', ownerId: analyst!.id, ownerUpn: analyst!.userPrincipalName, ownerName: analyst!.displayName, defaultGroupKey: GROUP, isActive: true })]);
  const requester = { id: analyst!.id, upn: analyst!.userPrincipalName, name: analyst!.displayName };
  const rows = benchTicketRows({ total, open: OPEN, group: GROUP, groups: ['bench-other'], requester, now: Date.now(), startAt: 1 });
  for (let i = 0; i < rows.length; i += 5000) data.insertItems('Tickets', rows.slice(i, i + 5000));
  return tokenFor(server.origin, analyst!.userPrincipalName);
}

const LOAD_CLIENT = fileURLToPath(new URL('./load-client.ts', import.meta.url));

/** Runs a job in the load-client process and returns its JSON answer. */
async function inClientProcess<T>(job: Record<string, unknown>): Promise<T> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', LOAD_CLIENT, JSON.stringify(job)], { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as T;
}

/** First and last page of the group's queue, each asked WARM_REQUESTS times after a warm-up, from the client process. */
async function queueFigures(server: EmbeddedServer, token: string) {
  const first = `/api/queues/${GROUP}?pageSize=${PAGE}`;
  let cursor: string | null = null;
  let lastPath = first;
  let pages = 0;
  let rows = 0;
  do {
    lastPath = cursor ? `${first}&cursor=${encodeURIComponent(cursor)}` : first;
    const page = await call(server.origin, lastPath, { token });
    rows += (page.body.items as unknown[]).length;
    cursor = page.body.nextCursor as string | null;
    pages += 1;
  } while (cursor);
  const { times } = await inClientProcess<{ times: Record<string, number[]> }>({ origin: server.origin, token, kind: 'timed-gets', paths: [first, lastPath], repeats: WARM_REQUESTS, warmUp: 20 });
  return { firstTimes: times[first]!, lastTimes: times[lastPath]!, pages, rows };
}

async function createRates(server: EmbeddedServer, token: string) {
  const separate = await inClientProcess<{ perSecond: number[]; created: number }>({ origin: server.origin, token, kind: 'creates', clients: CLIENTS, perClient: CREATES_PER_CLIENT, rounds: CREATE_ROUNDS });
  if (separate.created !== CREATE_ROUNDS * CLIENTS * CREATES_PER_CLIENT) throw new Error(`the client process created ${separate.created} tickets`);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let i = 0; i < CREATES_PER_CLIENT; i++) {
        const answer = await call(server.origin, '/api/incidents', { token, body: { title: `Bench create ${client}-${i}`, impact: 3, urgency: 3, serviceId: 'email' } });
        if (answer.status !== 201) throw new Error(`create: ${answer.status} ${JSON.stringify(answer.body)}`);
      }
    }),
  );
  const inProcessRate = (CLIENTS * CREATES_PER_CLIENT) / ((performance.now() - started) / 1000);

  const tokens = createClientCredentialsTokenProvider({ authority: `${server.origin}/local-issuer/${server.store.identity.tenantId}`, clientId: EMBEDDED_APP_CLIENT_ID, clientSecret: EMBEDDED_APP_CLIENT_SECRET });
  const layer = await connectCommandLayer({ graphBaseUrl: server.origin, tokens, site: { hostname: 'contoso.sharepoint.com', path: '/sites/servicedesk' }, listNames: { tickets: 'Tickets', supportGroups: 'Support Groups', services: 'Services' }, createMissingLists: false });
  const rows = benchTicketRows({ total: 2000, open: 0, group: 'bench-other', groups: ['bench-other'], requester: { id: 'bulk', upn: 'bulk@bench.example', name: 'Bulk' }, now: Date.now(), startAt: 900_000 });
  const bulkStarted = performance.now();
  await layer.gateway.createItems(layer.listIds.tickets, rows as FieldValues[]);
  const batchRate = rows.length / ((performance.now() - bulkStarted) / 1000);
  return { apiRates: separate.perSecond, inProcessRate, batchRate };
}

export async function runApiBench(): Promise<void> {
  const results: Record<number, Awaited<ReturnType<typeof queueFigures>>> = {};
  let rates: Awaited<ReturnType<typeof createRates>> | null = null;
  for (const total of [5000, 50_000]) {
    const server = await startEmbeddedServer({ ITSM_SEED: 'none' });
    try {
      const started = Date.now();
      const token = await fillStore(server, total);
      console.log(`${total.toLocaleString('en-GB')} tickets (${OPEN.toLocaleString('en-GB')} open in one group) generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      results[total] = await queueFigures(server, token);
      if (total === 50_000) rates = await createRates(server, token);
    } finally {
      await server.stop();
    }
  }
  const big = results[50_000]!;
  const small = results[5000]!;
  console.log(`queue of ${big.rows} open tickets in ${big.pages} pages of ${PAGE}; ${WARM_REQUESTS} warm requests each`);
  console.log(`first page, 50,000 list   median ${ms(pct(big.firstTimes, 50))}  p95 ${ms(pct(big.firstTimes, 95))}  (target p95 < 50 ms)`);
  console.log(`last page,  50,000 list   median ${ms(pct(big.lastTimes, 50))}  p95 ${ms(pct(big.lastTimes, 95))}  ratio to first (median) ${(pct(big.lastTimes, 50) / pct(big.firstTimes, 50)).toFixed(2)} (target <= 1.5)`);
  console.log(`first page,  5,000 list   median ${ms(pct(small.firstTimes, 50))}  p95 ${ms(pct(small.firstTimes, 95))}  50,000 vs 5,000 (median) ${(pct(big.firstTimes, 50) / pct(small.firstTimes, 50)).toFixed(2)} (target <= 1.5)`);
  console.log(`creates through the API, ${CLIENTS} clients in their own process, ${CREATE_ROUNDS} rounds of ${CLIENTS * CREATES_PER_CLIENT}: median ${pct(rates!.apiRates, 50).toFixed(0)} tickets/s, slowest round ${Math.min(...rates!.apiRates).toFixed(0)}/s (target >= 250); the same from inside the server process: ${rates!.inProcessRate.toFixed(0)}/s; $batch bulk beside it: ${rates!.batchRate.toFixed(0)} items/s`);
  console.log(`resident memory of the server process: ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB (target < 400 MB)`);
}
