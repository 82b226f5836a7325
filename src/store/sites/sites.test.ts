import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../test-support';

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore({ site: { hostname: 'Contoso.SharePoint.com', path: '/sites/ServiceDesk' } });
});
afterAll(() => t.close());

describe('sites', () => {
  it('finds the configured site by hostname and server-relative path', async () => {
    const answer = await t.graph('GET', '/sites/contoso.sharepoint.com:/sites/servicedesk');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      id: t.siteId, name: 'ServiceDesk', displayName: 'Service Desk', webUrl: 'https://contoso.sharepoint.com/sites/ServiceDesk',
      siteCollection: { hostname: 'contoso.sharepoint.com' },
    });
    expect(t.siteId).toMatch(/^contoso\.sharepoint\.com,[0-9a-f-]{36},[0-9a-f-]{36}$/);
    expect((await t.graph('GET', '/sites/contoso.sharepoint.com:/sites/servicedesk:')).status).toBe(200);
    expect((await t.graph('GET', '/sites/contoso.sharepoint.com:%2Fsites%2Fservicedesk')).status).toBe(200);
  });

  it('finds it by id', async () => {
    const answer = await t.graph('GET', `/sites/${t.siteId}`);
    expect(answer.status).toBe(200);
    expect(answer.body.id).toBe(t.siteId);
    expect((await t.graph('GET', `/sites/${encodeURIComponent(t.siteId)}`)).body.id).toBe(t.siteId);
  });

  it('answers 404 itemNotFound in Graph shape for any other site', async () => {
    for (const url of ['/sites/contoso.sharepoint.com:/sites/other', '/sites/fabrikam.sharepoint.com:/sites/servicedesk', '/sites/contoso.sharepoint.com,1,2']) {
      const answer = await t.graph('GET', url);
      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe('itemNotFound');
      expect(answer.body.error.innerError).toMatchObject({ date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/), 'request-id': expect.any(String) });
      expect(answer.text).not.toMatch(/at .*\.ts:\d+/);
    }
    expect((await t.graph('GET', `/sites/${t.siteId}/lists/Nope/items`)).body.error.code).toBe('itemNotFound');
  });

  it('keeps the site ids across restarts of the same data directory', async () => {
    const again = await openTestStore({ dataDir: t.dataDir, site: { hostname: 'contoso.sharepoint.com', path: '/sites/servicedesk' } });
    try {
      expect(again.siteId).toBe(t.siteId);
    } finally {
      await again.app.close();
      again.store.close();
    }
  });

  it('echoes client-request-id and answers unknown /v1.0 paths in Graph shape', async () => {
    const answer = await t.graph('GET', '/me/drive', { headers: { 'client-request-id': 'abc-123' } });
    expect(answer.status).toBe(400);
    expect(answer.headers['client-request-id']).toBe('abc-123');
    expect(answer.body.error.innerError['client-request-id']).toBe('abc-123');
    expect(answer.body.error.message).toMatch(/Resource not found for the segment/);
  });
});
