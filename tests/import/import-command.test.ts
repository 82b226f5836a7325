// The import command end to end against the embedded server's store, over Graph with an app token: created, then
// unchanged on a second run; a changed source row updated with If-Match; an interrupted run resumed without
// duplicates; bad rows in a report; people in the directory; refused to anyone but an administrator.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAppPrincipal } from '../../src/api/import/app-principal';
import { CheckpointFile } from '../../src/api/import/checkpoint';
import { BadRowReport } from '../../src/api/import/report';
import { runImport, type ImportRun } from '../../src/api/import/run-import';
import { connectCommandLayer, type CommandLayer } from '../../src/api/runtime';
import { createClientCredentialsTokenProvider } from '../../src/data';
import { ticketFromItem } from '../../src/data/mappers/tickets';
import { SERVICENOW_EVENTS } from '../../src/domain/import/mapping';
import { loadConfig } from '../../src/server/config';
import { httpPeopleDirectory } from '../../scripts/lib/import/http-directory';
import { call, startEmbeddedServer, type EmbeddedServer } from '../support/embedded-server';

const SAMPLE = resolve(import.meta.dirname, '../../data/servicenow-sample/incidents-sample.csv');
let server: EmbeddedServer;
let layer: CommandLayer;
let work: string;
let base: Omit<ImportRun, 'file'>;

beforeAll(async () => {
  server = await startEmbeddedServer({ ITSM_SEED: 'none' });
  const config = loadConfig({});
  const tokens = createClientCredentialsTokenProvider({ authority: `${server.origin}/local-issuer/${server.store.identity.tenantId}`, ...config.app });
  layer = await connectCommandLayer({ graphBaseUrl: server.origin, tokens, site: config.site, listNames: config.listNames, createMissingLists: true });
  work = mkdtempSync(join(tmpdir(), 'import-test-'));
  base = {
    options: { mapping: SERVICENOW_EVENTS, zone: 'Europe/London' },
    target: layer,
    directory: httpPeopleDirectory(server.origin, tokens),
    principal: importAppPrincipal(config.app.clientId),
    batchSize: 3,
  };
});

afterAll(async () => {
  await server?.stop();
});

async function storedTickets() {
  const items = await layer.gateway.listAll(layer.listIds.tickets, { top: 500 }, { maxItems: 1000 });
  return items.map(ticketFromItem);
}

describe('importing the sample', () => {
  it('creates one ticket per incident with its history, then a second run changes nothing', async () => {
    const first = await runImport({ ...base, file: SAMPLE });
    expect(first.tickets).toEqual({ created: 10, updated: 0, unchanged: 0, kept: 0, resumed: 0 });
    expect(first.reference.groups.created).toBeGreaterThan(5);
    const stored = await storedTickets();
    expect(stored).toHaveLength(10);
    const t = stored.find((s) => s.ticket.number === 'INC0001068')!;
    expect(t.ticket.history.map((e) => e.action)).toEqual(['create', 'handover', 'hold', 'resolve', 'reopen', 'resolve', 'close']);
    expect(t.extras).toMatchObject({ sourceSystem: 'ServiceNow', previousToolMadeSla: false });
    expect(t.ticket).toMatchObject({ state: 'Closed', openedAt: '2016-03-02T09:42:00Z', closedAt: '2016-03-24T18:59:00Z', contactChannel: 'Phone' });

    const again = await runImport({ ...base, file: SAMPLE });
    expect(again.tickets).toEqual({ created: 0, updated: 0, unchanged: 10, kept: 0, resumed: 0 });
    expect(again.reference.groups.created).toBe(0);
    expect(again.reference.people).toMatchObject({ created: 0 });
    const etags = new Map(stored.map((s) => [s.ticket.number, s.etag]));
    expect((await storedTickets()).every((s) => etags.get(s.ticket.number) === s.etag)).toBe(true);
  });

  it('puts the generated people in the directory, so an imported analyst can sign in', async () => {
    const users = (await call(server.origin, '/dev/users')).body as unknown as { upn: string; roles: string[] }[];
    expect(users.some((u) => /\.resolver167@/.test(u.upn) && u.roles.includes('Analyst'))).toBe(true);
    expect(users.some((u) => /\.caller2403@/.test(u.upn) && u.roles.length === 0)).toBe(true);
  });

  it('updates a ticket whose source rows changed, with If-Match, and only that one', async () => {
    const changed = join(work, 'changed.csv');
    // INC0000045 is handed to Group 57 in its closing row.
    const text = readFileSync(SAMPLE, 'utf8').replace(/(INC0000045,Closed,.*?)Group 56/, '$1Group 57');
    writeFileSync(changed, text);
    const before = (await storedTickets()).find((s) => s.ticket.number === 'INC0000045')!;
    const result = await runImport({ ...base, file: changed });
    expect(result.tickets).toMatchObject({ created: 0, updated: 1, unchanged: 9 });
    const after = (await storedTickets()).find((s) => s.ticket.number === 'INC0000045')!;
    expect(after.etag).not.toBe(before.etag);
    expect(after.ticket.assignedGroupId).toBe('group-57');
    expect(after.ticket.history.at(-2)).toMatchObject({ action: 'handover', changes: [{ field: 'assignedGroupId', from: 'group-56', to: 'group-57' }] });
  });

  it('refuses anyone but an administrator', async () => {
    const analyst = { ...base.principal, roles: ['Analyst' as const] };
    await expect(runImport({ ...base, principal: analyst, file: SAMPLE })).rejects.toMatchObject({ status: 403 });
  });
});

describe('an interrupted import', () => {
  it('resumes from its checkpoint and ends with every ticket exactly once', async () => {
    const copy = join(work, 'resume.csv');
    // Another series of numbers, so this run starts from an empty slate of its own.
    writeFileSync(copy, readFileSync(SAMPLE, 'utf8').replace(/INC00/g, 'INC77'));
    const checkpoint = new CheckpointFile(join(work, 'resume.checkpoint.json'));
    const stopped = await runImport({ ...base, file: copy, checkpoint, stopAfterIncidents: 4 });
    expect(stopped.stoppedEarly).toBe(true);
    const saved = JSON.parse(readFileSync(checkpoint.path, 'utf8')) as { incidentsDone: number };
    expect(saved.incidentsDone).toBeGreaterThanOrEqual(3);

    const resumed = await runImport({ ...base, file: copy, checkpoint });
    expect(resumed.tickets.resumed).toBe(saved.incidentsDone);
    expect(resumed.tickets.created + resumed.tickets.unchanged + resumed.tickets.resumed).toBe(10);
    const numbers = (await storedTickets()).map((s) => s.ticket.number).filter((n) => n.startsWith('INC77'));
    expect(numbers).toHaveLength(10);
    expect(new Set(numbers).size).toBe(10);
    expect(() => readFileSync(checkpoint.path)).toThrow(); // a finished run clears its checkpoint
  });
});

describe('bad rows', () => {
  it('go to the report with their line numbers while the rest imports', async () => {
    const lines = readFileSync(SAMPLE, 'utf8').replace(/INC00/g, 'INC88').split('\n');
    lines[3] = lines[3]!.replace(/,2 - Medium,/, ',9 - Extreme,');
    lines.splice(5, 0, 'INC-500,New,broken');
    const file = join(work, 'bad.csv');
    writeFileSync(file, lines.join('\n'));
    const reportPath = join(work, 'bad-rows.csv');
    const result = await runImport({ ...base, file, badRows: new BadRowReport(reportPath) });
    expect(result.badRows).toBeGreaterThanOrEqual(2);
    const report = readFileSync(reportPath, 'utf8').trim().split('\n');
    expect(report[0]).toBe('line,number,reason');
    expect(report).toContain('4,INC8800045,"impact ""9 - Extreme"" is not 1, 2 or 3"');
    expect(report.some((l) => l.startsWith('6,INC-500,'))).toBe(true);
    expect(result.tickets.created).toBe(10);
  });
});
