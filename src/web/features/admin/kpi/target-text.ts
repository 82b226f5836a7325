// What the KPI targets page shows and sends, as plain functions: target series from the saved versions, which version
// is in force, thresholds in the unit an admin types (hours for durations), and the three bands in words.
import type { KpiTargetVersionDto } from '../../../../contracts/kpi-settings';
import { KPI_CATALOGUE, type Direction, type KpiId } from '../../../../domain/kpi';

export interface TargetSeries {
  readonly id: string;
  readonly kpi: KpiId;
  readonly groupId: string | null;
  readonly serviceId: string | null;
  /** Oldest first. */
  readonly versions: readonly KpiTargetVersionDto[];
}

/** The id a new series gets: the KPI, then the group and service it is for. */
export function seriesIdFor(kpi: KpiId, groupId: string | null, serviceId: string | null): string {
  return [kpi, groupId ? `group-${groupId}` : '', serviceId ? `service-${serviceId}` : ''].filter(Boolean).join('-');
}

export function seriesOf(targets: readonly KpiTargetVersionDto[]): TargetSeries[] {
  const byId = new Map<string, KpiTargetVersionDto[]>();
  for (const t of targets) byId.set(t.id, [...(byId.get(t.id) ?? []), t]);
  return [...byId.entries()].map(([id, versions]) => {
    const sorted = [...versions].sort((a, b) => a.version - b.version);
    const first = sorted[0]!;
    return { id, kpi: first.kpi, groupId: first.groupId, serviceId: first.serviceId, versions: sorted };
  });
}

/** The version rating periods that start at `now`, and the next one scheduled after it. */
export function versionsAround(series: TargetSeries, now: number): { current: KpiTargetVersionDto | null; next: KpiTargetVersionDto | null } {
  const started = series.versions.filter((v) => Date.parse(v.effectiveFrom) <= now);
  const current = [...started].sort((a, b) => Date.parse(b.effectiveFrom) - Date.parse(a.effectiveFrom) || b.version - a.version)[0] ?? null;
  const next = series.versions.filter((v) => Date.parse(v.effectiveFrom) > now).sort((a, b) => Date.parse(a.effectiveFrom) - Date.parse(b.effectiveFrom))[0] ?? null;
  return { current, next };
}

const HOUR = 3_600_000;

/** The unit thresholds are typed in: durations in hours, everything else as the figure shows it. */
export function thresholdUnit(kpi: KpiId): string {
  switch (KPI_CATALOGUE[kpi].unit) {
    case 'percent':
      return '%';
    case 'duration':
      return 'hours';
    case 'rating':
      return 'out of 5';
    case 'perTicket':
      return 'per ticket';
    case 'tickets':
      return 'tickets';
  }
}

export const toInput = (kpi: KpiId, value: number): number => (KPI_CATALOGUE[kpi].unit === 'duration' ? Math.round((value / HOUR) * 100) / 100 : value);
export const fromInput = (kpi: KpiId, value: number): number => (KPI_CATALOGUE[kpi].unit === 'duration' ? Math.round(value * HOUR) : value);

const show = (kpi: KpiId, value: number): string => `${toInput(kpi, value)} ${thresholdUnit(kpi)}`;

/** "Green: at least 95 %. Amber: at least 90 %, below 95 %. Red: below 90 %." (red is worse than amber). */
export function bandsText(kpi: KpiId, direction: Direction, green: number, amber: number): string {
  const [better, worse] = direction === 'higherIsBetter' ? ['at least', 'below'] : ['at most', 'above'];
  return `Green: ${better} ${show(kpi, green)}. Amber: ${better} ${show(kpi, amber)}, ${worse} ${show(kpi, green)}. Red: ${worse} ${show(kpi, amber)}.`;
}

const pad = (n: number): string => String(n).padStart(2, '0');
/** Tomorrow's local date, the earliest a new version may start (it must not re-rate a period already reported). */
export function tomorrowOf(now: Date): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
