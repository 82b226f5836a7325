// Words and bands for clocks, so a status never depends on colour alone. Durations are working time unless the
// clock counts calendar days; the words say which.
import type { ClockDto, ClockStateDto, ClockSummaryDto, TargetDto } from '../../../contracts/sla';

const MINUTE = 60_000;

/** "45 min", "3 h 20 min", "2 h". Whole minutes, rounded towards zero. */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / MINUTE);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

const UNIT_WORDS: Record<TargetDto['unit'], [string, string]> = {
  businessMinutes: ['working minute', 'working minutes'],
  businessDays: ['working day', 'working days'],
  calendarDays: ['calendar day', 'calendar days'],
};

/** "4 working hours", "3 working days", "7 calendar days". */
export function formatTarget(t: TargetDto): string {
  if (t.unit === 'businessMinutes' && t.value % 60 === 0) return `${t.value / 60} working ${t.value === 60 ? 'hour' : 'hours'}`;
  const [one, many] = UNIT_WORDS[t.unit];
  return `${t.value} ${t.value === 1 ? one : many}`;
}

export type Band = 'ok' | 'warning' | 'danger' | 'paused' | 'done' | 'none';

/** Under 75 %: on track; from 75 %: at risk; past 100 % or breached: overdue. */
export function bandOf(state: ClockStateDto, percent: number): Band {
  if (state === 'met' || state === 'cancelled') return 'done';
  if (state === 'breached') return 'danger';
  if (state === 'paused') return 'paused';
  if (percent >= 100) return 'danger';
  return percent >= 75 ? 'warning' : 'ok';
}

export const BAND_LABELS: Record<Band, string> = {
  ok: 'On track',
  warning: 'At risk',
  danger: 'Overdue',
  paused: 'Paused',
  done: 'Done',
  none: 'No target',
};

export const STATE_LABELS: Record<ClockStateDto, string> = { running: 'Running', paused: 'Paused', met: 'Met', breached: 'Breached', cancelled: 'Cancelled' };

/** "Customer response (SLA)", "Service Desk resolution (OLA)": an OLA clock is named for its group. */
export function clockTitle(c: Pick<ClockDto, 'scope' | 'kind' | 'groupKey'>, groupName: (key: string) => string): string {
  const kind = c.kind === 'response' ? 'response' : 'resolution';
  return c.scope === 'sla' ? `Customer ${kind} (SLA)` : `${c.groupKey ? groupName(c.groupKey) : 'Unknown group'} ${kind} (OLA)`;
}

const KIND = { response: 'Response', resolution: 'Resolution' } as const;

/** The queue cell's words: "Resolution: 2 h 10 min left (45 %)", "Response: overdue by 1 h (125 %)". */
export function summaryText(c: ClockSummaryDto): string {
  const pct = `${Math.round(c.percentElapsed)} %`;
  const kind = KIND[c.kind];
  switch (c.state) {
    case 'met':
      return `${kind}: met`;
    case 'cancelled':
      return `${kind}: cancelled`;
    case 'paused':
      return `${kind}: paused, ${formatDuration(c.remainingMs)} left (${pct})`;
    default:
      return c.remainingMs < 0 || c.state === 'breached'
        ? `${kind}: overdue by ${formatDuration(c.remainingMs)} (${pct})`
        : `${kind}: ${formatDuration(c.remainingMs)} left (${pct})`;
  }
}

/** Sort key for "due": overdue and soonest first, paused and finished after, no clock last. */
export function dueRank(c: ClockSummaryDto | null | undefined): [number, number] {
  if (!c) return [3, 0];
  if (c.state === 'met' || c.state === 'cancelled') return [2, 0];
  if (c.dueAt === null) return [1, -c.percentElapsed];
  return [0, Date.parse(c.dueAt)];
}

export function compareDue(a: ClockSummaryDto | null | undefined, b: ClockSummaryDto | null | undefined): number {
  const [ga, va] = dueRank(a);
  const [gb, vb] = dueRank(b);
  return ga - gb || va - vb;
}
