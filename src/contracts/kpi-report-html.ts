// The printable monthly report: one self-contained HTML page (no script), every text escaped, with print CSS so it
// fits A4 portrait and repeats table headers across pages.
import type { KpiFigureDto, KpiReportDto } from './kpi';
import { populationLine } from './kpi-format';

/** The instant the figures were computed, in the reporting zone's wall-clock time: "4 December 2026, 18:03 (UK time)". */
export function asOfText(iso: string): string {
  const text = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
  return `${text.replace(' at ', ', ')} (UK time)`;
}

export function escapeHtml(s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

const CSS = `
body{font-family:"Segoe UI",system-ui,sans-serif;color:#1b1b1b;margin:2rem;line-height:1.4}
h1{font-size:1.6rem;margin:0 0 .25rem} h2{font-size:1.2rem;margin-top:1.5rem}
table{border-collapse:collapse;width:100%;font-size:.9rem} th,td{border:1px solid #8a8886;padding:.3rem .5rem;text-align:left;vertical-align:top}
td.num{text-align:right;white-space:nowrap} thead{display:table-header-group} tr{break-inside:avoid}
.status{font-weight:600} .warning{border:2px solid #8a3707;padding:.5rem 1rem;margin:1rem 0}
.definition{color:#424242;font-size:.8rem}
@media print{body{margin:0} @page{size:A4 portrait;margin:15mm} a{color:inherit;text-decoration:none}}
`;

const cell = (s: string, cls = ''): string => `<td${cls ? ` class="${cls}"` : ''}>${escapeHtml(s)}</td>`;

function target(f: KpiFigureDto): string {
  return f.target ? `green ${f.target.direction === 'higherIsBetter' ? '≥' : '≤'} ${f.target.green}, amber ${f.target.direction === 'higherIsBetter' ? '≥' : '≤'} ${f.target.amber}` : '—';
}

function figureRow(f: KpiFigureDto): string {
  const definition = `<div class="definition">${escapeHtml(populationLine(f))}${f.excluded > 0 ? `, ${f.excluded} not measured` : ''}</div>`;
  return `<tr><td>${escapeHtml(f.title)}${definition}</td>${cell(f.display, 'num')}${cell(target(f))}${cell(f.statusLabel, 'status')}</tr>`;
}

export function reportHtml(r: KpiReportDto): string {
  const name = (id: string): string => r.scope.names[id] ?? id;
  const scope = `Groups: ${r.scope.groupIds?.map(name).join(', ') ?? 'all'}. Services: ${r.scope.serviceIds?.map(name).join(', ') ?? 'all'}.`;
  const ola = r.olaByGroup.map((g) => `<tr>${cell(g.groupName)}${cell(g.resolution.display, 'num')}${cell(g.resolution.statusLabel, 'status')}${cell(g.response.display, 'num')}${cell(g.response.statusLabel, 'status')}</tr>`).join('\n');
  return `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>${escapeHtml(`Service report ${r.from} to ${r.to}`)}</title><style>${CSS}</style></head>
<body>
<h1>Service report, ${escapeHtml(r.from)} to ${escapeHtml(r.to)}</h1>
<p>${escapeHtml(scope)} Figures as of ${escapeHtml(r.asOf ? asOfText(r.asOf) : 'never computed')}${r.partial ? ' (the period is not over: partial)' : ''}. Definitions: docs/kpi-definitions.md.</p>
${r.watermelon ? `<div class="warning" role="note"><strong>Watermelon warning.</strong> ${escapeHtml(r.watermelon.message)}</div>` : ''}
<h2>Figures</h2>
<table><thead><tr><th scope="col">Figure</th><th scope="col">Value</th><th scope="col">Target</th><th scope="col">Status</th></tr></thead>
<tbody>
${r.figures.map(figureRow).join('\n')}
</tbody></table>
<h2>OLA compliance by support group</h2>
${ola ? `<table><thead><tr><th scope="col">Group</th><th scope="col">Resolution</th><th scope="col">Status</th><th scope="col">Response</th><th scope="col">Status</th></tr></thead><tbody>\n${ola}\n</tbody></table>` : '<p>No group completed an OLA clock in this period.</p>'}
</body>
</html>
`;
}
