import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './kpi-csv';
import { escapeHtml } from './kpi-report-html';

describe('CSV safe in Excel', () => {
  it('puts an apostrophe before text that starts with =, +, -, @, tab or carriage return', () => {
    expect(['=SUM(A1)', '+44 20', '-1 day', '@cmd', '\tx', '\rx'].map(csvCell)).toEqual([`"'=SUM(A1)"`, `"'+44 20"`, `"'-1 day"`, `"'@cmd"`, `"'\tx"`, `"'\rx"`]);
  });
  it('leaves numbers as numbers, negative ones included, and quotes other text with doubled quotes', () => {
    expect(csvLine([4, -3, 12.5, 'He said "hi", then left', "O'Brien", null, 'a=b'])).toBe(`4,-3,12.5,"He said ""hi"", then left","O'Brien",,"a=b"`);
  });
  it('never writes a NUL or other control character raw: a title stored with one shows it as a visible symbol', () => {
    expect(csvCell('Printer\u0000 down')).toBe('"Printer\u2400 down"');
    expect(csvLine(['Ding\u0007', 'a\u007fb\u0085c', 'line 1\r\nline 2\tend'])).toBe('"Ding\u2407","a\u2421b\ufffdc","line 1\r\nline 2\tend"');
    expect(csvCell('\u0000=1')).toBe('"\u2400=1"');
  });
  it('writes nothing for a number that is not finite', () => {
    expect(csvCell(Number.NaN)).toBe('');
  });
});

describe('HTML report text', () => {
  it('escapes markup and quotes', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
  });
});

describe('the printed report says when its figures were computed in UK time', () => {
  it('writes the instant as a person reads it, summer and winter', async () => {
    const { asOfText } = await import('./kpi-report-html');
    expect(asOfText('2026-12-04T18:03:22.494Z')).toBe('4 December 2026, 18:03 (UK time)');
    expect(asOfText('2026-07-01T23:30:00Z')).toBe('2 July 2026, 00:30 (UK time)');
  });
});
