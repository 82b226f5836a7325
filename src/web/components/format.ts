const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });

export function formatInstant(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
}

const STATE_LABELS: Record<string, string> = {
  New: 'New',
  InProgress: 'In progress',
  OnHold: 'On hold',
  Resolved: 'Resolved',
  Closed: 'Closed',
  Cancelled: 'Cancelled',
};

export const stateLabel = (state: string): string => STATE_LABELS[state] ?? state;

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} bytes`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(0)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

/** "3 days", "5 hours", "12 minutes": how long ago, for queue ages. */
export function formatAge(fromIso: string, now: number): string {
  const minutes = Math.max(0, Math.floor((now - new Date(fromIso).getTime()) / 60000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} days`;
}

const PRIORITY_LABEL: Record<number, string> = { 1: 'P1 critical', 2: 'P2 high', 3: 'P3 moderate', 4: 'P4 low', 5: 'P5 planning' };
export const priorityLabel = (p: number): string => PRIORITY_LABEL[p] ?? `P${p}`;
