// How a KPI value is written, the same on the dashboard, in the CSV and in the printed report.
import type { FigureUnit } from '../domain/kpi';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function formatDuration(ms: number): string {
  if (ms < HOUR) return `${Math.round(ms / MINUTE)} min`;
  if (ms < DAY) {
    const h = Math.floor(ms / HOUR);
    const m = Math.round((ms - h * HOUR) / MINUTE);
    return m === 0 ? `${h} h` : `${h} h ${m} min`;
  }
  const d = Math.floor(ms / DAY);
  const h = Math.round((ms - d * DAY) / HOUR);
  return h === 0 ? `${d} d` : `${d} d ${h} h`;
}

export function formatKpiValue(unit: FigureUnit, value: number | null): string {
  if (value === null) return 'No data';
  switch (unit) {
    case 'tickets':
      return String(value);
    case 'percent':
      return `${value.toFixed(1)} %`;
    case 'duration':
      return formatDuration(value);
    case 'perTicket':
      return value.toFixed(2);
    case 'rating':
      return `${value.toFixed(2)} / 5`;
  }
}
