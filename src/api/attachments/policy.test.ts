import { describe, expect, it } from 'vitest';
import { ApiError } from '../http/api-error';
import { ATTACHMENT_EXTENSIONS } from '../../contracts/attachments';
import { ALLOWED_TYPES, checkAttachment, cleanFileName, MAX_ATTACHMENT_BYTES } from './policy';

const refusal = (run: () => unknown): ApiError => {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('attachment names', () => {
  it('keeps a plain or percent-encoded UTF-8 name, and only its last path part', () => {
    expect(cleanFileName('report.pdf')).toBe('report.pdf');
    expect(cleanFileName(encodeURIComponent('Zoë’s report 100%.pdf'))).toBe('Zoë’s report 100%.pdf');
    expect(cleanFileName('C:\\Users\\x\\Desktop\\a.png')).toBe('a.png');
    expect(cleanFileName('../../etc/passwd.txt')).toBe('passwd.txt');
  });

  it('replaces characters SharePoint refuses and trims what it cannot end or start with', () => {
    expect(cleanFileName('a:b*c?"d"<e>|f.txt')).toBe('a_b_c__d__e__f.txt');
    expect(cleanFileName('  ~$lock.docx ')).toBe('lock.docx');
    expect(cleanFileName('notes.txt. . ')).toBe('notes.txt');
  });

  it('refuses control and text-direction characters in the decoded name, saying which and where', () => {
    expect(refusal(() => cleanFileName(encodeURIComponent('tab\tand\nnewline.txt')))).toMatchObject({
      status: 400,
      code: 'invalid_character',
      message: 'The file name contains a tab (U+0009) at character 4; it must be one line.',
      details: [{ field: 'X-File-Name', message: 'The file name contains a tab (U+0009) at character 4; it must be one line.' }],
    });
    expect(refusal(() => cleanFileName(encodeURIComponent('invoice\u202efdp.exe.pdf'))).message).toBe(
      'The file name contains an invisible text-direction control, U+202E (right-to-left override), at character 8; it can make text read backwards, so remove it.',
    );
    expect(refusal(() => cleanFileName('a%00.txt')).code).toBe('invalid_character');
  });

  it('takes percent-encoded UTF-8 only: raw UTF-8 (read as Latin-1) and malformed encodings are refused, not stored', () => {
    const rawUtf8 = Buffer.from("O'Brien 😀 مرحبا.txt", 'utf8').toString('latin1');
    expect(refusal(() => cleanFileName(rawUtf8))).toMatchObject({
      status: 400,
      code: 'file_name_not_encoded',
      message: 'The X-File-Name header must be percent-encoded UTF-8 (encodeURIComponent of the name); it holds a raw byte 0xF0 at position 9. Send, for example, Zo%C3%AB.pdf for Zoë.pdf.',
    });
    expect(cleanFileName(encodeURIComponent("O'Brien 😀 مرحبا.txt"))).toBe("O'Brien 😀 مرحبا.txt");
    expect(refusal(() => cleanFileName('bad%E0%A4%A.txt'))).toMatchObject({
      status: 400,
      code: 'file_name_malformed',
      message: "The X-File-Name header is not valid percent-encoded UTF-8 ('%' at position 10 is not followed by two hex digits): 'bad%E0%A4%A.txt'. Encode the name with encodeURIComponent; a % in a name is sent as %25.",
    });
    expect(refusal(() => cleanFileName('%E0%A4.txt')).message).toBe(
      "The X-File-Name header is not valid percent-encoded UTF-8 (its %XX bytes are not valid UTF-8): '%E0%A4.txt'. Encode the name with encodeURIComponent; a % in a name is sent as %25.",
    );
    expect(refusal(() => cleanFileName('%E0%A4%A')).code).toBe('file_name_malformed');
  });

  it('refuses a name over 128 units, saying the limit and the length, rather than cutting it', () => {
    expect(cleanFileName(`${'x'.repeat(123)}.docx`)).toHaveLength(128);
    expect(refusal(() => cleanFileName(`${'x'.repeat(295)}.docx`))).toMatchObject({
      status: 400,
      code: 'attachment_name_too_long',
      message: "The file name is 300 characters; the limit is 128. Rename 'xxxxxxxxxxxxxxxxxxxxxxxx…' to something shorter and attach it again.",
      details: [{ field: 'X-File-Name' }],
    });
    expect(refusal(() => cleanFileName(encodeURIComponent(`${'😀'.repeat(70)}.png`))).message).toBe(
      "The file name is 74 characters, which take 144 storage units; the limit is 128 units (most characters take 1 unit, emoji and some others take 2 or more). Rename '😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀…' to something shorter and attach it again.",
    );
  });

  it('refuses a name with nothing left', () => {
    for (const empty of [undefined, '', '   ', '...', '/']) expect(refusal(() => cleanFileName(empty)).status).toBe(400);
  });
});

describe('attachment limits', () => {
  it('allows listed types up to 10 MB, with a matching or neutral Content-Type', () => {
    expect(() => checkAttachment('a.PDF', MAX_ATTACHMENT_BYTES, 'application/pdf')).not.toThrow();
    expect(() => checkAttachment('a.png', 1, 'application/octet-stream')).not.toThrow();
    expect(() => checkAttachment('a.csv', 1, 'application/vnd.ms-excel; charset=utf-8')).not.toThrow();
  });

  it('refuses other types, mismatched Content-Types, too large and empty files, naming the file', () => {
    expect(refusal(() => checkAttachment('x.exe', 1, undefined))).toMatchObject({ status: 415, message: expect.stringMatching(/'x\.exe' cannot be attached: \.exe files/) });
    expect(refusal(() => checkAttachment('README', 1, undefined)).message).toMatch(/files without an extension are not allowed/);
    expect(refusal(() => checkAttachment('x.jpg', 1, 'image/png')).message).toMatch(/'x\.jpg' was sent as image\/png/);
    expect(refusal(() => checkAttachment('x.pdf', MAX_ATTACHMENT_BYTES + 1, undefined))).toMatchObject({ status: 413, code: 'attachment_too_large', message: "'x.pdf' is 10,485,761 bytes; an attachment may be at most 10,485,760 bytes (10.0 MB)." });
    expect(refusal(() => checkAttachment('x.pdf', 0, undefined)).status).toBe(400);
  });
});

describe('the tab checks files by the same rules', () => {
  it('lists exactly the extensions the API allows', () => {
    expect([...ATTACHMENT_EXTENSIONS].sort()).toEqual(Object.keys(ALLOWED_TYPES).sort());
  });
});
