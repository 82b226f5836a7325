// The attachments slice end to end: POST, list and download through the API's access rules, files in a folder per
// ticket in the site's document library, with size and type limits that name the file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAttachmentsWorld, type AttachmentsWorld, type PersonName } from './support/attachments-world';

let world: AttachmentsWorld;
let ticket: string;
let strangersTicket: string;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

beforeAll(async () => {
  world = await startAttachmentsWorld();
  ticket = await raise('caller');
  strangersTicket = await raise('stranger');
}, 60_000);
afterAll(async () => {
  await world?.stop();
});

async function raise(who: PersonName): Promise<string> {
  const answer = await api(who, '/api/incidents', { method: 'POST', json: { title: 'Printer jams', impact: 3, urgency: 3, serviceId: 'printing' } });
  if (answer.status !== 201) throw new Error(`raise: ${answer.status} ${answer.text}`);
  return answer.json.ticket.number as string;
}

async function api(who: PersonName | null, path: string, init: { method?: string; json?: unknown; bytes?: Buffer; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...(who ? { authorization: `Bearer ${world.tokens[who]}` } : {}), ...init.headers };
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${world.origin}${path}`, { method: init.method ?? 'GET', headers, ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : init.bytes ? { body: new Uint8Array(init.bytes) } : {}) });
  const raw = Buffer.from(await response.arrayBuffer());
  const text = raw.toString('utf8');
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, headers: response.headers, raw, text, json };
}

const attach = (who: PersonName | null, number: string, name: string | undefined, bytes: Buffer, type = 'image/png') =>
  api(who, `/api/tickets/${number}/attachments`, { method: 'POST', bytes, headers: { 'content-type': type, ...(name === undefined ? {} : { 'x-file-name': encodeURIComponent(name) }) } });

describe('attachments', () => {
  it('lets the caller attach to their own ticket, into a folder named by the ticket number, and read it back', async () => {
    const added = await attach('caller', ticket, 'screen shot é.png', PNG);
    expect(added.status, added.text).toBe(201);
    expect(added.json.attachment).toMatchObject({ name: 'screen shot é.png', size: PNG.length, contentType: 'image/png', uploadedByName: "Siobhán O'Neill" });
    expect(added.headers.get('location')).toBe(added.json.attachment.downloadPath);
    const list = await api('caller', `/api/tickets/${ticket}/attachments`);
    expect(list.json.items.map((a: any) => a.name)).toEqual(['screen shot é.png']);
    const download = await api('caller', added.json.attachment.downloadPath);
    expect(download.status).toBe(200);
    expect(download.raw.equals(PNG)).toBe(true);
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('screen shot é.png')}`);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    const detail = await api('caller', `/api/tickets/${ticket}`);
    expect(detail.json.attachments.map((a: any) => a.name)).toEqual(['screen shot é.png']);
  });

  it("refuses a requester another person's ticket's attachments: no list, no download, no upload, nothing stored", async () => {
    const [own] = (await api('caller', `/api/tickets/${ticket}/attachments`)).json.items;
    expect((await api('stranger', `/api/tickets/${ticket}/attachments`)).status).toBe(403);
    expect((await api('stranger', own.downloadPath)).status).toBe(403);
    const upload = await attach('stranger', ticket, 'mine.png', PNG);
    expect(upload.status).toBe(403);
    expect(upload.json.error.code).toBe('forbidden');
    // Through their own ticket's path, the caller's file is simply not there.
    const borrowed = await api('stranger', `/api/tickets/${strangersTicket}/attachments/${encodeURIComponent(own.id)}`);
    expect(borrowed.status).toBe(404);
    expect(borrowed.raw.includes(PNG)).toBe(false);
    expect((await api('caller', `/api/tickets/${ticket}/attachments`)).json.items).toHaveLength(1);
    expect((await attach('stranger', strangersTicket, 'mine.png', PNG)).status).toBe(201);
  });

  it("lets the assigned group's analyst and an admin read and attach, keeping both files of the same name", async () => {
    const byDesk = await attach('desk', ticket, 'screen shot é.png', Buffer.from('%PDF'), 'application/octet-stream');
    expect(byDesk.json.attachment).toMatchObject({ name: 'screen shot é (2).png', uploadedByName: 'Dara Desk' });
    expect((await api('admin', `/api/tickets/${ticket}/attachments`)).json.items).toHaveLength(2);
  });

  it('refuses files over 10 MB and types outside the list, naming the file and the limit', async () => {
    const big = await attach('caller', ticket, 'huge.pdf', Buffer.alloc(10 * 1024 * 1024 + 1), 'application/pdf');
    expect(big.status).toBe(413);
    expect(big.json.error).toMatchObject({ code: 'attachment_too_large', message: "'huge.pdf' is 10,485,761 bytes; an attachment may be at most 10,485,760 bytes (10.0 MB)." });
    const exe = await attach('caller', ticket, 'setup.exe', Buffer.from('MZ'), 'application/octet-stream');
    expect(exe.status).toBe(415);
    expect(exe.json.error.message).toMatch(/'setup\.exe' cannot be attached: \.exe files are not allowed\. Allowed: \.pdf, \.png/);
    const disguised = await attach('caller', ticket, 'page.png', Buffer.from('<html>'), 'text/html');
    expect(disguised.json.error.message).toMatch(/'page\.png' was sent as text\/html/);
    const nameless = await attach('caller', ticket, undefined, PNG);
    expect(nameless.status).toBe(400);
    expect(nameless.json.error.message).toMatch(/X-File-Name/);
    const empty = await attach('caller', ticket, 'empty.txt', Buffer.alloc(0), 'text/plain');
    expect(empty.status).toBe(400);
    expect((await api('caller', `/api/tickets/${ticket}/attachments`)).json.items).toHaveLength(2);
  });

  it('refuses raw UTF-8, malformed percent-encodings, control characters and names over 128 units, storing nothing', async () => {
    const before = (await api('caller', `/api/tickets/${ticket}/attachments`)).json.items.length;
    const send = (header: string) => api('caller', `/api/tickets/${ticket}/attachments`, { method: 'POST', bytes: PNG, headers: { 'content-type': 'image/png', 'x-file-name': header } });
    const raw = await send(Buffer.from("O'Brien 😀 مرحبا.png", 'utf8').toString('latin1'));
    expect([raw.status, raw.json.error.code, raw.json.error.details]).toEqual([
      400,
      'file_name_not_encoded',
      [{ field: 'X-File-Name', message: 'The X-File-Name header must be percent-encoded UTF-8 (encodeURIComponent of the name); it holds a raw byte 0xF0 at position 9. Send, for example, Zo%C3%AB.pdf for Zoë.pdf.' }],
    ]);
    const malformed = await send('bad%E0%A4%A.txt');
    expect([malformed.status, malformed.json.error.code]).toEqual([400, 'file_name_malformed']);
    expect(malformed.json.error.message).toBe("The X-File-Name header is not valid percent-encoded UTF-8 ('%' at position 10 is not followed by two hex digits): 'bad%E0%A4%A.txt'. Encode the name with encodeURIComponent; a % in a name is sent as %25.");
    const long = await send(`${'x'.repeat(296)}.png`);
    expect([long.status, long.json.error.code, long.json.error.message]).toEqual([
      400,
      'attachment_name_too_long',
      "The file name is 300 characters; the limit is 128. Rename 'xxxxxxxxxxxxxxxxxxxxxxxx…' to something shorter and attach it again.",
    ]);
    const nul = await send(encodeURIComponent('a\u0000b.png'));
    expect([nul.status, nul.json.error.code]).toEqual([400, 'invalid_character']);
    expect((await api('caller', `/api/tickets/${ticket}/attachments`)).json.items).toHaveLength(before);
    const encoded = await send(encodeURIComponent("O'Brien 😀 مرحبا.png"));
    expect([encoded.status, encoded.json.attachment.name]).toEqual([201, "O'Brien 😀 مرحبا.png"]);
  });

  it('keeps only the last part of a path-like name, and answers 401 and 404 plainly', async () => {
    const sneaky = await attach('caller', ticket, '..\\..\\etc/evil:name.pdf', Buffer.from('%PDF-1'), 'application/pdf');
    expect(sneaky.status, sneaky.text).toBe(201);
    expect(sneaky.json.attachment.name).toBe('evil_name.pdf');
    expect((await attach(null, ticket, 'a.png', PNG)).status).toBe(401);
    expect((await api('caller', '/api/tickets/INC-999999/attachments')).status).toBe(404);
    expect((await api('caller', `/api/tickets/${ticket}/attachments/not-an-id`)).status).toBe(404);
  });
});
