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
  it('writes nothing for a number that is not finite', () => {
    expect(csvCell(Number.NaN)).toBe('');
  });
});

describe('HTML report text', () => {
  it('escapes markup and quotes', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
  });
});
