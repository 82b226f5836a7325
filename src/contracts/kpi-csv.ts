// The figures as CSV that Excel opens safely: a text cell that starts with =, +, -, @, a tab or a carriage return
// gets a leading apostrophe so it is never read as a formula; numbers are written as plain numbers.
import type { KpiDrillDto, KpiReportDto } from './kpi';
import { populationLine } from './kpi-format';

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
// eslint-disable-next-line no-control-regex -- control characters are what is made visible
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * Text stored before control characters were refused (decision 0415), or imported, may hold them: a NUL written raw
 * breaks the file for Excel and other readers. C0 controls become their visible Control Pictures (NUL as ␀), DEL ␡,
 * C1 controls U+FFFD; tab, CR and LF stay (quoted).
 */
const visible = (text: string): string =>
  text.replace(CONTROL, (c) => {
    const cp = c.charCodeAt(0);
    return cp < 0x20 ? String.fromCharCode(0x2400 + cp) : cp === 0x7f ? '\u2421' : '\ufffd';
  });

export function csvCell(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const text = visible(v);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

export const csvLine = (cells: readonly CsvValue[]): string => cells.map(csvCell).join(',');

/** CRLF line ends and a byte-order mark, so Excel reads UTF-8 names (O'Brien, Siobhán) correctly. */
const csvDocument = (lines: readonly string[]): string => `\uFEFF${lines.join('\r\n')}\r\n`;

export function reportCsv(r: KpiReportDto): string {
  const name = (id: string): string => r.scope.names[id] ?? id;
  const lines = [
    csvLine(['from', 'to', 'as of', 'groups', 'services']),
    csvLine([r.from, r.to, r.asOf ?? 'never computed', r.scope.groupIds?.map(name).join('; ') ?? 'all', r.scope.serviceIds?.map(name).join('; ') ?? 'all']),
    '',
    csvLine(['figure', 'title', 'population', 'population size', 'value', 'unit', 'shown as', 'numerator', 'denominator', 'excluded', 'green', 'amber', 'status']),
    // Backlog growth: the population column names both backlogs; the size is the one at the end.
    ...r.figures.map((f) => csvLine([f.id, f.title, f.atStart !== undefined ? populationLine(f) : f.populationText, f.populationSize, f.value, f.unit, f.display, f.numerator, f.denominator, f.excluded, f.target?.green, f.target?.amber, f.statusLabel])),
  ];
  if (r.watermelon) lines.push('', csvLine(['warning', r.watermelon.message]));
  if (r.olaByGroup.length > 0) {
    lines.push('', csvLine(['group', 'OLA resolution', 'met', 'breached', 'status', 'OLA response', 'met', 'breached', 'status']));
    for (const g of r.olaByGroup) {
      lines.push(csvLine([g.groupName, g.resolution.value, g.resolution.numerator, (g.resolution.denominator ?? 0) - (g.resolution.numerator ?? 0), g.resolution.statusLabel,
        g.response.value, g.response.numerator, (g.response.denominator ?? 0) - (g.response.numerator ?? 0), g.response.statusLabel]));
    }
  }
  return csvDocument(lines);
}

export function drillCsv(d: KpiDrillDto): string {
  // Backlog growth lists tickets that joined the backlog and tickets that left it: a column says which.
  const growth = d.figure === 'backlogGrowth';
  // Names for people, keys kept in their own columns for anyone joining the export to other data.
  const name = (key: string | null): string | null => (key === null ? null : (d.names?.[key] ?? key));
  return csvDocument([
    csvLine(['ticket', 'title', 'at', 'group', 'service', 'met', ...(growth ? ['backlog'] : []), 'group key', 'service key']),
    ...d.rows.map((row) => csvLine([row.number, row.title, row.at, name(row.groupId), name(row.serviceId), row.met, ...(growth ? [row.backlog] : []), row.groupId, row.serviceId])),
  ]);
}
