// The site's document library: simple uploads by path, conflictBehavior, children, downloads, deletes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../test-support';

let t: TestStore;
let driveId: string;
let drive: string;
beforeAll(async () => {
  t = await openTestStore();
  driveId = (await t.graph('GET', `/sites/${t.siteId}/drive`)).body.id;
  drive = `/drives/${encodeURIComponent(driveId)}`;
});
afterAll(() => t.close());

const put = (path: string, content: string | Buffer, query = '', type = 'application/octet-stream') =>
  t.graph('PUT', `${drive}/root:/${path}:/content${query}`, { payload: Buffer.from(content), headers: { 'content-type': type } });
const download = async (location: string) => t.call('GET', location.replace(/^http:\/\/[^/]+/, ''));

describe('the document library', () => {
  it('is one documentLibrary drive per site, by site and by id', async () => {
    const bySite = await t.graph('GET', `/sites/${t.siteId}/drive`);
    expect(bySite.body).toMatchObject({ id: expect.stringMatching(/^b!/), driveType: 'documentLibrary', name: 'Documents' });
    expect((await t.graph('GET', drive)).body.id).toBe(driveId);
    expect((await t.graph('GET', `/sites/${t.siteId}/drives`)).body.value.map((d: any) => d.id)).toEqual([driveId]);
    expect((await t.graph('GET', `${drive}/root`)).body).toMatchObject({ name: 'root', root: {}, folder: { childCount: expect.any(Number) } });
    expect((await t.graph('GET', '/drives/b!nope')).status).toBe(404);
  });

  it('uploads by path into folders it makes, 201 then 200 on replace, with a mime type from the extension', async () => {
    const first = await put('INC-1/report.pdf', '%PDF-1 first');
    expect(first.status, first.text).toBe(201);
    expect(first.body).toMatchObject({
      name: 'report.pdf', size: 12, file: { mimeType: 'application/pdf' },
      parentReference: { driveId, path: `/drives/${driveId}/root:/INC-1` },
      '@microsoft.graph.downloadUrl': expect.stringContaining('/_layouts/15/download.aspx?UniqueId='),
    });
    const replaced = await put('INC-1/report.pdf', '%PDF-1 second!');
    expect(replaced.status).toBe(200);
    expect(replaced.body.id).toBe(first.body.id);
    expect(replaced.body.eTag).not.toBe(first.body.eTag);
    const folder = await t.graph('GET', `${drive}/root:/INC-1`);
    expect(folder.body).toMatchObject({ name: 'INC-1', folder: { childCount: 1 } });
  });

  it('follows @microsoft.graph.conflictBehavior: fail is 409, rename picks a free name', async () => {
    const failed = await put('INC-1/report.pdf', 'x', '?@microsoft.graph.conflictBehavior=fail');
    expect(failed.status).toBe(409);
    expect(failed.body.error.code).toBe('nameAlreadyExists');
    expect((await put('INC-1/report.pdf', 'y', '?@microsoft.graph.conflictBehavior=rename')).body.name).toBe('report 1.pdf');
    expect((await put('INC-1/report.pdf', 'z', '?@microsoft.graph.conflictBehavior=rename')).body.name).toBe('report 2.pdf');
    expect((await put('INC-1/report.pdf', 'z', '?@microsoft.graph.conflictBehavior=sometimes')).status).toBe(400);
  });

  it('redirects content to a pre-authenticated URL that serves the bytes, and stops serving an old version', async () => {
    const up = await put('INC-2/notes.json', '{"not":"parsed"}', '', 'application/json');
    expect(up.body.size).toBe(16);
    const content = await t.graph('GET', `${drive}/root:/INC-2/notes.json:/content`);
    expect(content.status).toBe(302);
    const bytes = await download(content.headers.location as string);
    expect(bytes.status).toBe(200);
    expect(bytes.raw.toString()).toBe('{"not":"parsed"}');
    expect(bytes.headers['content-type']).toMatch(/^application\/json/);
    expect(bytes.headers['content-disposition']).toBe("attachment; filename*=UTF-8''notes.json");
    expect((await download(`${content.headers.location}x`)).status).toBe(401);
    await put('INC-2/notes.json', 'changed');
    expect((await download(content.headers.location as string)).status).toBe(401);
    const byId = await t.graph('GET', `${drive}/items/${up.body.id}/content`);
    expect((await download(byId.headers.location as string)).raw.toString()).toBe('changed');
  });

  it('uploads under a folder by its id, replaces a file by its id, and keeps empty and unusual names', async () => {
    const folder = (await t.graph('GET', `${drive}/root:/INC-2`)).body;
    const named = await t.graph('PUT', `${drive}/items/${folder.id}:/${encodeURIComponent('Zoë 100% #1.txt')}:/content`, { payload: Buffer.alloc(0), headers: { 'content-type': 'text/plain' } });
    expect(named.status, named.text).toBe(201);
    expect(named.body).toMatchObject({ name: 'Zoë 100% #1.txt', size: 0 });
    const replaced = await t.graph('PUT', `${drive}/items/${named.body.id}/content`, { payload: Buffer.from('now'), headers: { 'content-type': 'text/plain' } });
    expect(replaced.body).toMatchObject({ id: named.body.id, size: 3 });
  });

  it('refuses names SharePoint refuses', async () => {
    for (const name of ['a%3Ab.txt', 'CON', '%20lead.txt', 'dot.', '~%24lock.docx', 'x%7Cy']) {
      const answer = await put(`INC-3/${name}`, 'x');
      expect(answer.status, name).toBe(400);
      expect(answer.body.error.message).toMatch(/is not allowed in a document library/);
    }
  });

  it('lists children in name order, paged with nextLink', async () => {
    for (const name of ['c.txt', 'a.txt', 'b.txt']) await put(`INC-4/${name}`, name);
    const first = await t.graph('GET', `${drive}/root:/INC-4:/children?$top=2`);
    expect(first.body.value.map((i: any) => i.name)).toEqual(['a.txt', 'b.txt']);
    const next = await t.call('GET', (first.body['@odata.nextLink'] as string).replace(/^http:\/\/[^/]+/, ''), { headers: { authorization: `Bearer ${t.token}` } });
    expect(next.body.value.map((i: any) => i.name)).toEqual(['c.txt']);
    expect(next.body).not.toHaveProperty('@odata.nextLink');
    expect((await t.graph('GET', `${drive}/root/children`)).body.value.map((i: any) => i.name)).toEqual(expect.arrayContaining(['INC-1', 'INC-4']));
    expect((await t.graph('GET', `${drive}/root:/INC-404:/children`)).status).toBe(404);
  });

  it('creates folders with POST .../children, failing on a clash by default', async () => {
    const made = await t.graph('POST', `${drive}/root/children`, { body: { name: 'Empty', folder: {} } });
    expect(made.status).toBe(201);
    expect(made.body.folder).toEqual({ childCount: 0 });
    expect((await t.graph('POST', `${drive}/root/children`, { body: { name: 'Empty', folder: {} } })).status).toBe(409);
    expect((await t.graph('POST', `${drive}/root/children`, { body: { name: 'Empty', folder: {}, '@microsoft.graph.conflictBehavior': 'rename' } })).body.name).toBe('Empty 1');
  });

  it('deletes a file, and a folder with what is in it, never the root', async () => {
    const file = (await put('INC-5/a.txt', 'a')).body;
    expect((await t.graph('DELETE', `${drive}/items/${file.id}`)).status).toBe(204);
    expect((await t.graph('GET', `${drive}/items/${file.id}`)).status).toBe(404);
    const inner = (await put('INC-5/sub/b.txt', 'b')).body;
    expect((await t.graph('DELETE', `${drive}/root:/INC-5`)).status).toBe(204);
    expect((await t.graph('GET', `${drive}/items/${inner.id}`)).status).toBe(404);
    expect((await t.graph('DELETE', `${drive}/root`)).status).toBe(403);
  });

  it('answers odd addresses in Graph shape, and refuses a body over the simple-upload limit', async () => {
    expect((await t.graph('GET', `${drive}/recent`)).body.error.message).toMatch(/Resource not found for the segment 'recent'/);
    expect((await t.graph('GET', `${drive}/root:/INC-1:/content`)).status).toBe(400);
    const big = await t.graph('PUT', `${drive}/root:/big.bin:/content`, { payload: Buffer.from('x'), headers: { 'content-type': 'application/octet-stream', 'content-length': String(251 * 1024 * 1024) } });
    expect([400, 413]).toContain(big.status);
  });

  it("keeps a file's library columns in its listItem fields, expandable on children", async () => {
    const file = (await put('INC-7/a.txt', 'a')).body;
    const set = await t.graph('PATCH', `${drive}/items/${file.id}/listItem/fields`, { body: { UploadedById: 'p1', UploadedByName: "Seán O'Brien", Pages: 3 } });
    expect(set.status, set.text).toBe(200);
    expect(set.body).toMatchObject({ FileLeafRef: 'a.txt', UploadedByName: "Seán O'Brien", Pages: 3 });
    expect((await t.graph('PATCH', `${drive}/items/${file.id}/listItem/fields`, { body: { Pages: null } })).body).not.toHaveProperty('Pages');
    const children = await t.graph('GET', `${drive}/root:/INC-7:/children?$expand=listItem($expand=fields)`);
    expect(children.body.value[0].listItem.fields).toMatchObject({ UploadedById: 'p1', ContentType: 'Document' });
    expect((await t.graph('GET', `${drive}/items/${file.id}/listItem`)).body.fields.UploadedById).toBe('p1');
    for (const bad of [{ FileLeafRef: 'x' }, { 'a-b': 1 }, { Notes: 'x'.repeat(256) }, { Nested: { a: 1 } }]) {
      expect((await t.graph('PATCH', `${drive}/items/${file.id}/listItem/fields`, { body: bad })).status, JSON.stringify(bad)).toBe(400);
    }
    expect((await t.graph('GET', `${drive}/root/children?$expand=thumbnails`)).status).toBe(400);
  });

  it('keeps files and their bytes across a restart of the same data directory', async () => {
    const up = (await put('INC-6/keep.txt', 'kept')).body;
    const again = await openTestStore({ dataDir: t.dataDir });
    try {
      const found = await again.graph('GET', `/drives/${encodeURIComponent(driveId)}/items/${up.id}/content`);
      expect(found.status).toBe(302);
      const bytes = await again.call('GET', (found.headers.location as string).replace(/^http:\/\/[^/]+/, ''));
      expect(bytes.raw.toString()).toBe('kept');
    } finally {
      await again.app.close();
      again.store.close();
    }
  });
});
