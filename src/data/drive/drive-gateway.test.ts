import { describe, expect, it } from 'vitest';
import { fakeGraph, graphError, json } from '../testing/fake-transport';
import { DriveGateway, numbered, SIMPLE_UPLOAD_LIMIT } from './drive-gateway';

const BASE = 'http://127.0.0.1:4999';
const file = (name: string, size = 3, id = `id-${name}`) => ({ id, name, size, eTag: '"e"', file: { mimeType: 'text/plain' } });

function setup() {
  const fake = fakeGraph({ baseUrl: BASE });
  fake.transport.answer(json(200, { id: 'b!drive' }));
  return { ...fake, drive: new DriveGateway(fake.http, 'site') };
}

describe('DriveGateway', () => {
  it('uploads by path with encoded segments, the conflict behaviour in the query, and raw bytes', async () => {
    const { drive, transport } = setup();
    transport.answer(json(201, file('a b#1.txt')));
    const uploaded = await drive.upload('INC-1', 'a b#1.txt', Buffer.from('abc'), 'fail');
    expect(uploaded).toMatchObject({ name: 'a b#1.txt', size: 3, mimeType: 'text/plain' });
    const put = transport.sent[1]!;
    expect(put.method).toBe('PUT');
    expect(put.url).toBe(`${BASE}/v1.0/drives/b!drive/root:/INC-1/a%20b%231.txt:/content?@microsoft.graph.conflictBehavior=fail`);
    expect(put.headers['content-type']).toBe('application/octet-stream');
  });

  it('refuses more than the simple-upload limit before sending, and paths with . or ..', async () => {
    const { drive, transport } = setup();
    const tooBig = { length: SIMPLE_UPLOAD_LIMIT + 1 } as Buffer;
    await expect(drive.upload('INC-1', 'big.bin', tooBig)).rejects.toThrow(/at most 262144000 bytes/);
    await expect(drive.upload('../x', 'a.txt', Buffer.from('a'))).rejects.toThrow(/cannot contain/);
    expect(transport.sent).toHaveLength(0);
  });

  it('picks a free name, and takes a clash with a same-size file for its own retried upload', async () => {
    const { drive, transport } = setup();
    transport.answer(
      json(200, { value: [file('report.pdf'), { id: 'f', name: 'sub', folder: {} }] }),
      json(201, file('report (2).pdf')),
    );
    expect((await drive.uploadUnique('INC-1', 'report.pdf', Buffer.from('abc'))).name).toBe('report (2).pdf');
    transport.answer(json(200, { value: [] }), graphError(409, 'nameAlreadyExists', 'exists'), json(200, file('notes.txt', 3, 'mine')));
    expect((await drive.uploadUnique('INC-1', 'notes.txt', Buffer.from('abc'))).id).toBe('mine');
    transport.answer(json(200, { value: [] }), graphError(409, 'nameAlreadyExists', 'exists'), json(200, file('notes.txt', 99)), json(201, file('notes (2).txt')));
    expect((await drive.uploadUnique('INC-1', 'notes.txt', Buffer.from('abc'))).name).toBe('notes (2).txt');
    expect(numbered('archive', 3)).toBe('archive (3)');
  });

  it('lists only files, and an absent folder as empty', async () => {
    const { drive, transport } = setup();
    transport.answer(graphError(404, 'itemNotFound', 'The resource could not be found.'));
    expect(await drive.list('INC-9')).toEqual([]);
    expect(decodeURIComponent(transport.sent[1]!.url)).toBe(`${BASE}/v1.0/drives/b!drive/root:/INC-9:/children?$top=200&$expand=listItem($expand=fields)`);
  });

  it('reads the folder path and library columns of a file', async () => {
    const { drive, transport } = setup();
    transport.answer(json(200, { ...file('a.txt'), parentReference: { path: '/drives/b!drive/root:/INC-1/sub%20dir' }, listItem: { fields: { UploadedByName: 'Ann' } } }));
    expect(await drive.get('id-a.txt')).toMatchObject({ folderPath: 'INC-1/sub dir', fields: { UploadedByName: 'Ann' } });
    transport.answer(json(200, { UploadedByName: 'Bo' }));
    expect(await drive.setFields('id-a.txt', { UploadedByName: 'Bo' })).toEqual({ UploadedByName: 'Bo' });
    expect(transport.sent[2]).toMatchObject({ method: 'PATCH', url: `${BASE}/v1.0/drives/b!drive/items/id-a.txt/listItem/fields` });
  });
});
