// How a KPI value is written, the same on the dashboard, in the CSV and in the printed report.
import type { FigureUnit } from '../domain/kpi';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export function formatDuration(ms: number): string {
  // Rounded to the last unit shown before it is split, so 3 d 23 h 34 min reads 4 d, never 3 d 24 h.
  const minutes = Math.round(ms / MINUTE);
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 24 * 60) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m === 0 ? `${h} h` : `${h} h ${m} min`;
  }
  const hours = Math.round(ms / HOUR);
  const d = Math.floor(hours / 24);
  const h = hours % 24;
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

/**
 * The population a figure counts, with its size, as the tile, the CSV and the printed report write it. Backlog
 * growth is a difference of two backlogs, so it names both rather than one population.
 */
export function populationLine(f: { readonly populationText: string; readonly populationSize: number; readonly atStart?: number }): string {
  return f.atStart !== undefined ? `Backlog at the end of the period: ${f.populationSize}; at its start: ${f.atStart}` : `${f.populationText}: ${f.populationSize}`;
}
