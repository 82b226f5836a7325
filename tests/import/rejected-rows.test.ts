// Nothing of a rejected row is kept: a new user's small CSV whose INC9000002 row has an impossible opened_at named a
// group "<script>alert(5)</script>" that was created as a live support group although the row was left out.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAppPrincipal } from '../../src/api/import/app-principal';
import { BadRowReport } from '../../src/api/import/report';
import { runImport } from '../../src/api/import/run-import';
import { connectCommandLayer, type CommandLayer } from '../../src/api/runtime';
import { createClientCredentialsTokenProvider } from '../../src/data';
import { supportGroupFromItem } from '../../src/data/mappers/support-groups';
import { serviceFromItem } from '../../src/data/mappers/services';
import { categoryFromItem } from '../../src/data/mappers/categories';
import { SERVICENOW_EVENTS } from '../../src/domain/import/mapping';
import { loadConfig } from '../../src/server/config';
import { httpPeopleDirectory } from '../../scripts/lib/import/http-directory';
import { call, startEmbeddedServer, type EmbeddedServer } from '../support/embedded-server';

const SAMPLE = resolve(import.meta.dirname, '../../data/servicenow-sample/incidents-sample.csv');
let server: EmbeddedServer;
let layer: CommandLayer;
let tokens: ReturnType<typeof createClientCredentialsTokenProvider>;

beforeAll(async () => {
  server = await startEmbeddedServer({ ITSM_SEED: 'none' });
  const config = loadConfig({});
  tokens = createClientCredentialsTokenProvider({ authority: `${server.origin}/local-issuer/${server.store.identity.tenantId}`, ...config.app });
  layer = await connectCommandLayer({ graphBaseUrl: server.origin, tokens, site: config.site, listNames: config.listNames, createMissingLists: true });
});

afterAll(async () => {
  await server?.stop();
});

const header = readFileSync(SAMPLE, 'utf8').split('\n')[0]!;
const row = (number: string, openedAt: string, group: string, caller: string, category: string) =>
  `${number},New,true,0,0,0,true,${caller},Opened by  8,${openedAt},Created by 6,${openedAt},Updated by 21,${openedAt},Phone,Location 143,` +
  `${category},Subcategory 170,Symptom 72,?,2 - Medium,2 - Medium,3 - Moderate,${group},?,true,false,Do Not Notify,?,?,?,?,code 5,?,?,?`;

describe('a row the import rejects', () => {
  it('creates none of its group, service or people; the accepted rows create theirs', async () => {
    const work = mkdtempSync(join(tmpdir(), 'import-rejected-'));
    const file = join(work, 'small.csv');
    writeFileSync(file, [
      header,
      row('INC9000001', '1/3/2016 10:00', 'Group 56', 'Caller 9001', 'Category 55'),
      row('INC9000002', '30/2/2016 10:00', '<script>alert(5)</script>', 'Caller 9002', 'Category 9002'),
      row('INC9000003', '2/3/2016 10:00', 'Group 57', 'Caller 9003', 'Category 55'),
    ].join('\n'));
    const reportPath = join(work, 'bad-rows.csv');
    const config = loadConfig({});
    const summary = await runImport({
      file, options: { mapping: SERVICENOW_EVENTS, zone: 'Europe/London' }, target: layer, directory: httpPeopleDirectory(server.origin, tokens),
      principal: importAppPrincipal(config.app.clientId), badRows: new BadRowReport(reportPath),
    });

    expect(readFileSync(reportPath, 'utf8')).toBe('line,number,reason\n3,INC9000002,"opened_at ""30/2/2016 10:00"" is not a date and time"\n');
    expect(summary.tickets).toEqual({ created: 2, updated: 0, unchanged: 0, kept: 0, resumed: 0 });
    expect(summary.reference.groups).toEqual({ created: 2, unchanged: 0 });
    expect(summary.reference.services).toEqual({ created: 1, unchanged: 0 });
    const groups = (await layer.gateway.listAll(layer.listIds.supportGroups, { top: 500 }, { maxItems: 1000 })).map(supportGroupFromItem);
    expect(groups.map((g) => [g.key, g.name, g.isActive]).sort()).toEqual([['group-56', 'Infrastructure 56', true], ['group-57', 'Cyber Security 57', true]]);
    const services = (await layer.gateway.listAll(layer.listIds.services, { top: 500 }, { maxItems: 1000 })).map(serviceFromItem);
    expect(services.map((s) => [s.key, s.defaultGroupKey])).toEqual([['category-55', 'group-56']]);
    // The subcategory the tickets hold as their category exists, so the tab names it (it showed 'subcategory-170 (unknown category)').
    expect(summary.reference.categories).toEqual({ created: 1, unchanged: 0 });
    const categories = (await layer.gateway.listAll(layer.listIds.categories, { top: 500 }, { maxItems: 1000 })).map(categoryFromItem);
    expect(categories.map((c) => [c.key, c.serviceKey, c.isActive])).toEqual([['subcategory-170', 'category-55', true]]);
    const users = (await call(server.origin, '/dev/users')).body as unknown as { upn: string }[];
    expect(users.filter((u) => /\.caller900\d@/.test(u.upn)).map((u) => /caller900\d/.exec(u.upn)![0]).sort()).toEqual(['caller9001', 'caller9003']);
  });
});
