import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../api-client/client';
import { uploadAll } from './upload-all';

afterEach(() => vi.unstubAllGlobals());

describe("the tab's uploader", () => {
  it('sends the file name percent-encoded UTF-8 in X-File-Name (the API refuses raw non-ASCII)', async () => {
    const sent: Record<string, string>[] = [];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      sent.push(init.headers as Record<string, string>);
      return new Response(JSON.stringify({ attachment: {} }), { status: 201, headers: { 'content-type': 'application/json' } });
    });
    const file = new File(['x'], "O'Brien 😀 مرحبا 100%.txt", { type: 'text/plain' });
    expect(await uploadAll(createApiClient(() => 'token'), 'INC-1', [file])).toBeNull();
    expect(sent[0]!['x-file-name']).toBe("O'Brien%20%F0%9F%98%80%20%D9%85%D8%B1%D8%AD%D8%A8%D8%A7%20100%25.txt");
    expect(decodeURIComponent(sent[0]!['x-file-name']!)).toBe(file.name);
  });

  it("reports the API's refusal of a long name with the file's name", async () => {
    vi.stubGlobal('fetch', async () =>
      new Response(JSON.stringify({ error: { code: 'attachment_name_too_long', message: 'The file name is 300 characters; the limit is 128.' } }), { status: 400, headers: { 'content-type': 'application/json' } }),
    );
    const file = new File(['x'], 'a.txt', { type: 'text/plain' });
    expect(await uploadAll(createApiClient(() => 'token'), 'INC-1', [file])).toBe(
      'These attachments were not added (add them from the ticket page): a.txt: The file name is 300 characters; the limit is 128.',
    );
  });
});
