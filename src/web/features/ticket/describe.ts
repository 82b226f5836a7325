import type { HistoryEntryDto, TicketDetailDto } from '../../../contracts/api';
import { priorityLabel, stateLabel } from '../../components/format';
import type { Names } from '../../components/reference-names';
import { RESOLUTION_CODES } from '../../../domain/tickets/resolution-codes';
import { holdReasonLabel } from './actions';

const FIELD_LABELS: Record<string, string> = {
  state: 'state',
  holdReason: 'hold reason',
  impact: 'impact',
  urgency: 'urgency',
  priority: 'priority',
  isMajorIncident: 'major incident',
  assignedGroupId: 'group',
  assignee: 'assignee',
  serviceId: 'service',
  categoryId: 'category',
  resolutionCode: 'resolution code',
  title: 'title',
  duplicateOf: 'duplicate of',
};

const LEVELS: Record<number, string> = { 1: '1 (high)', 2: '2 (medium)', 3: '3 (low)' };

function show(field: string, value: string | number | boolean | null, names: Names): string {
  if (value === null || value === '') return 'none';
  if (field === 'state') return stateLabel(String(value));
  if (field === 'priority') return priorityLabel(Number(value));
  if (field === 'holdReason') return holdReasonLabel(String(value));
  if (field === 'resolutionCode') return RESOLUTION_CODES.find((r) => r.code === value)?.label ?? String(value);
  if (field === 'impact' || field === 'urgency') return LEVELS[Number(value)] ?? String(value);
  // History stores keys; people read names.
  if (field === 'assignedGroupId') return names.group(String(value));
  if (field === 'serviceId') return names.service(String(value));
  if (field === 'categoryId') return names.category(String(value));
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

export function describeChange(c: HistoryEntryDto['changes'][number], names: Names): string {
  const label = FIELD_LABELS[c.field] ?? c.field;
  if (c.field === 'assignee') return c.to ? `assigned to ${names.person(String(c.to))}` : 'unassigned';
  return `${label} from ${show(c.field, c.from, names)} to ${show(c.field, c.to, names)}`;
}

/**
 * Person ids this screen can name (history keeps only the id of an assignee): whoever took the ticket (a take
 * assigns the taker, named on the entry), and the ticket's current assignee and requester.
 */
export function knownPeople(
  history: readonly HistoryEntryDto[],
  ticket?: Pick<TicketDetailDto, 'assigneeId' | 'assigneeName' | 'requesterId' | 'requesterName'>,
  fromDirectory: Readonly<Record<string, string>> = {},
): Map<string, string> {
  const people = new Map<string, string>(Object.entries(fromDirectory));
  for (const h of history) {
    const to = h.action === 'take' ? h.changes.find((c) => c.field === 'assignee')?.to : null;
    if (typeof to === 'string' && to) people.set(to, h.byName);
  }
  if (ticket) {
    people.set(ticket.requesterId, ticket.requesterName);
    if (ticket.assigneeId && ticket.assigneeName) people.set(ticket.assigneeId, ticket.assigneeName);
  }
  return people;
}

const ACTION_LABELS: Record<string, string> = {
  create: 'Raised',
  take: 'Taken',
  assign: 'Assigned',
  handover: 'Handed over',
  priority: 'Impact or urgency changed',
  major: 'Major incident flag changed',
  hold: 'Put on hold',
  resume: 'Resumed',
  resolve: 'Resolved',
  confirm: 'Resolution confirmed',
  reopen: 'Reopened',
  close: 'Closed',
  cancel: 'Cancelled as duplicate',
  reply: 'Reply',
  worknote: 'Work note',
  attach: 'Attachment added',
};

export const actionLabel = (action: string): string => ACTION_LABELS[action] ?? action.charAt(0).toUpperCase() + action.slice(1);
