// The dashboard's calls to the KPI API, and saving exports. Exports are written in the tab by the same functions the
// API and `npm run report` use (src/contracts/kpi-csv.ts, kpi-report-html.ts), from the report on screen.
import type { KpiDrillDto, KpiReportDto, KpiTrendDto } from '../../../contracts/kpi';
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
