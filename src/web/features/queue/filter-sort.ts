import type { TicketSummaryDto } from '../../../contracts/api';
import { compareDue } from '../sla/format-clock';

export interface QueueFilter {
  readonly state: string;
  readonly priority: string;
  readonly service: string;
  /** '' any, 'unassigned', or an assignee's name. */
  readonly assignee: string;
  /** Minimum age in days ('' for any). */
  readonly minAgeDays: string;
}

export const NO_FILTER: QueueFilter = { state: '', priority: '', service: '', assignee: '', minAgeDays: '' };

export type SortKey = 'number' | 'title' | 'state' | 'priority' | 'service' | 'assignee' | 'age' | 'due';
export interface Sort {
  readonly key: SortKey;
  readonly direction: 'ascending' | 'descending';
}

export const DEFAULT_SORT: Sort = { key: 'priority', direction: 'ascending' };

const DAY = 86_400_000;

export function applyFilter(items: readonly TicketSummaryDto[], f: QueueFilter, now: number): TicketSummaryDto[] {
  const minAge = f.minAgeDays ? Number(f.minAgeDays) * DAY : 0;
  return items.filter(
    (t) =>
      (!f.state || t.state === f.state) &&
      (!f.priority || String(t.priority) === f.priority) &&
      (!f.service || t.serviceId === f.service) &&
      (!f.assignee || (f.assignee === 'unassigned' ? t.assigneeName === null : t.assigneeName === f.assignee)) &&
      (!minAge || now - new Date(t.openedAt).getTime() >= minAge),
  );
}

const STATE_ORDER: Record<string, number> = { New: 0, InProgress: 1, OnHold: 2, Resolved: 3, Closed: 4, Cancelled: 5 };

function compare(a: TicketSummaryDto, b: TicketSummaryDto, key: SortKey): number {
  switch (key) {
    case 'number':
      return a.number.localeCompare(b.number, 'en', { numeric: true });
    case 'title':
      return a.title.localeCompare(b.title, 'en', { sensitivity: 'base' });
    case 'state':
      return (STATE_ORDER[a.state] ?? 9) - (STATE_ORDER[b.state] ?? 9);
    case 'priority':
      return a.priority - b.priority || a.openedAt.localeCompare(b.openedAt);
    case 'service':
      return (a.serviceId ?? '').localeCompare(b.serviceId ?? '');
    case 'assignee':
      return (a.assigneeName ?? '').localeCompare(b.assigneeName ?? '');
    case 'age':
      // Oldest first when ascending by age.
      return b.openedAt.localeCompare(a.openedAt) * -1;
    case 'due':
      // Soonest due (most overdue) first when ascending; paused and finished clocks after (issue 6).
      return compareDue(a.sla?.current, b.sla?.current);
  }
}

/** A stable sort: equal keys keep the API's order (priority, then opened). */
export function applySort(items: readonly TicketSummaryDto[], sort: Sort): TicketSummaryDto[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return items
    .map((t, i) => [t, i] as const)
    .sort(([a, i], [b, j]) => compare(a, b, sort.key) * sign || i - j)
    .map(([t]) => t);
}

export const assigneesOf = (items: readonly TicketSummaryDto[]): string[] =>
  [...new Set(items.map((t) => t.assigneeName).filter((n): n is string => n !== null))].sort((a, b) => a.localeCompare(b));
