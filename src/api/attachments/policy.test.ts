import { describe, expect, it } from 'vitest';
import { ApiError } from '../http/api-error';
import { checkAttachment, cleanFileName, MAX_ATTACHMENT_BYTES } from './policy';

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
    expect(cleanFileName('tab\tand\nnewline.txt')).toBe('tabandnewline.txt');
    expect(cleanFileName('%E0%A4%A')).toBe('%E0%A4%A');
  });

  it('shortens a long name keeping its extension, and refuses a name with nothing left', () => {
    const long = cleanFileName(`${'x'.repeat(300)}.docx`);
    expect(long).toHaveLength(128);
    expect(long.endsWith('.docx')).toBe(true);
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
    expect(refusal(() => checkAttachment('x.pdf', MAX_ATTACHMENT_BYTES + 1, undefined))).toMatchObject({ status: 413, code: 'attachment_too_large', message: expect.stringMatching(/'x\.pdf' is 10\.0 MB; an attachment may be at most 10\.0 MB/) });
    expect(refusal(() => checkAttachment('x.pdf', 0, undefined)).status).toBe(400);
  });
});
