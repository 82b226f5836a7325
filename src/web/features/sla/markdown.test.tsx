import { describe, expect, it } from 'vitest';
import { parseMarkdown } from './markdown';

describe('markdown blocks', () => {
  it('reads headings, wrapped list items, paragraphs and tables', () => {
    const text = '## Calendars\n\n- A **business calendar** has a zone\n  and hours.\n- 24x7\n\nText on\ntwo lines.\n\n| case | result |\n| --- | --- |\n| E | due Monday 11:00 |\n';
    expect(parseMarkdown(text)).toEqual([
      { kind: 'heading', level: 2, text: 'Calendars' },
      { kind: 'list', items: ['A **business calendar** has a zone and hours.', '24x7'] },
      { kind: 'paragraph', text: 'Text on two lines.' },
      { kind: 'table', head: ['case', 'result'], rows: [['E', 'due Monday 11:00']] },
    ]);
  });
});
