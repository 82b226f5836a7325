import { describe, expect, it } from 'vitest';
import { defineList } from '../../../sharepoint-lists/schema';
import { fakeGraph, json } from '../testing/fake-transport';
import { ListsGateway } from './lists-gateway';

const SITE = 'contoso.sharepoint.com,1,2';
const schema = defineList({
  name: 'Things',
  description: 'd',
  columns: [
    { name: 'Title', type: 'text', required: true },
    { name: 'Kept', type: 'text' },
    { name: 'NewRequired', type: 'text', required: true, indexed: true, maxLength: 40 },
    { name: 'NewNote', type: 'note' },
  ],
});

describe('ensureColumns', () => {
  it('adds only the columns a list lacks, never as required, and reports them', async () => {
    const { http, transport } = fakeGraph({ baseUrl: 'http://127.0.0.1:4999' });
    transport.answer(json(200, { value: [{ name: 'Title' }, { name: 'kept' }] }), json(201, {}), json(201, {}));
    expect(await new ListsGateway(http, SITE).ensureColumns('L1', schema)).toEqual(['NewRequired', 'NewNote']);
    expect(transport.sent.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      `GET /v1.0/sites/${SITE}/lists/L1/columns`,
      `POST /v1.0/sites/${SITE}/lists/L1/columns`,
      `POST /v1.0/sites/${SITE}/lists/L1/columns`,
    ]);
    expect(JSON.parse(transport.sent[1]!.body!)).toMatchObject({ name: 'NewRequired', required: false, indexed: true, text: { maxLength: 40 } });
  });
  it('sends nothing more when every column is there', async () => {
    const { http, transport } = fakeGraph({ baseUrl: 'http://127.0.0.1:4999' });
    transport.answer(json(200, { value: [{ name: 'Title' }, { name: 'Kept' }, { name: 'NewRequired' }, { name: 'NewNote' }] }));
    expect(await new ListsGateway(http, SITE).ensureColumns('L1', schema)).toEqual([]);
    expect(transport.sent).toHaveLength(1);
  });
});
