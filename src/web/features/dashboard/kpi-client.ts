// The dashboard's calls to the KPI API, and saving exports. Exports are written in the tab by the same functions the
// API and `npm run report` use (src/contracts/kpi-csv.ts, kpi-report-html.ts), from the report on screen.
import type { KpiDrillDto, KpiReportDto, KpiTrendDto } from '../../../contracts/kpi';
import { parseIsoDate } from '../../../domain/calendar/civil-date';
import type { KpiId } from '../../../domain/kpi';
import type { ApiClient } from '../../api-client/client';

export interface DashboardParams {
  readonly from: string;
  readonly to: string;
  readonly group: string;
  readonly service: string;
}

export function kpiQuery(p: DashboardParams, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({ from: p.from, to: p.to });
  if (p.group) q.set('group', p.group);
  if (p.service) q.set('service', p.service);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q.toString();
}

export const getKpiReport = (api: ApiClient, p: DashboardParams) => api.get<KpiReportDto>(`/api/kpi?${kpiQuery(p)}`);
export const getKpiTrend = (api: ApiClient, p: DashboardParams, grain: 'week' | 'month') => api.get<KpiTrendDto>(`/api/kpi/trend?${kpiQuery(p, { grain })}`);
export const getKpiDrill = (api: ApiClient, p: DashboardParams, figure: KpiId, group?: string) =>
  api.get<KpiDrillDto>(`/api/kpi/drill?${kpiQuery(group ? { ...p, group } : p, { figure })}`);

/** Saves text as a file through a temporary link (works inside the Teams iframe, where pop-ups may be blocked). */
export function saveText(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Opens the printable report in a new window, or saves it when the host blocks new windows. */
export function openPrintable(name: string, html: string): void {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  const opened = window.open(url, '_blank', 'noopener');
  if (!opened) saveText(name, 'text/html', html);
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const pad = (n: number): string => String(n).padStart(2, '0');
export const isoDate = (d: Date): string => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** The calendar month containing `d` (offset months from it), as the pickers' from and to. */
export function monthOf(d: Date, offset = 0): { from: string; to: string } {
  const first = new Date(d.getFullYear(), d.getMonth() + offset, 1);
  const last = new Date(d.getFullYear(), d.getMonth() + offset + 1, 0);
  return { from: isoDate(first), to: isoDate(last) };
}

export interface PeriodProblems {
  readonly from?: string;
  readonly to?: string;
}

/** What is wrong with the pickers' dates, field by field (nothing when the period can be shown). */
export function periodProblems(p: { readonly from: string; readonly to: string }): PeriodProblems {
  const day = (v: string) => (v.trim() === '' ? 'empty' : parseIsoDate(v.trim()) ?? 'invalid');
  const a = day(p.from);
  const b = day(p.to);
  const out: { from?: string; to?: string } = {};
  if (a === 'empty') out.from = 'Enter the first day of the period.';
  else if (a === 'invalid') out.from = `${p.from} is not a date. Enter a day such as 2026-11-01.`;
  if (b === 'empty') out.to = 'Enter the last day of the period.';
  else if (b === 'invalid') out.to = `${p.to} is not a date. Enter a day such as 2026-11-30.`;
  if (typeof a === 'number' && typeof b === 'number' && b < a) out.to = `The last day (${p.to}) is before the first (${p.from}).`;
  return out;
}
