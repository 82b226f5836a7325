import type { Audience } from './access-table';
import { ACCESS_ACTIONS, ACCESS_TABLE, AUDIENCES, AUDIENCE_LABELS, isAllowed } from './access-table';

/** The access table as Markdown, exactly as docs/access.md shows it (a test keeps the two equal). */
export function renderAccessTable(): string {
  const header = `| list | action | ${AUDIENCES.map((a) => AUDIENCE_LABELS[a]).join(' | ')} |`;
  const rule = `| --- | --- | ${AUDIENCES.map(() => ':-:').join(' | ')} |`;
  const cell = (action: (typeof ACCESS_ACTIONS)[number], audience: Audience) =>
    audience === 'noToken' || audience === 'badToken' ? '401' : isAllowed(action, audience) ? 'yes' : '403';
  const rows = ACCESS_ACTIONS.map((action) => {
    const r = ACCESS_TABLE[action];
    return `| ${r.list} | ${r.label} (\`${action}\`) | ${AUDIENCES.map((a) => cell(action, a)).join(' | ')} |`;
  });
  return [header, rule, ...rows].join('\n');
}
