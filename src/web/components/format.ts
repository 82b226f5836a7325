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
