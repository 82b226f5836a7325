import type { HistoryEntryDto } from '../../../contracts/api';
import { priorityLabel, stateLabel } from '../../components/format';
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

function show(field: string, value: string | number | boolean | null): string {
  if (value === null || value === '') return 'none';
  if (field === 'state') return stateLabel(String(value));
  if (field === 'priority') return priorityLabel(Number(value));
  if (field === 'holdReason') return holdReasonLabel(String(value));
  if (field === 'impact' || field === 'urgency') return LEVELS[Number(value)] ?? String(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

export function describeChange(c: HistoryEntryDto['changes'][number]): string {
  const label = FIELD_LABELS[c.field] ?? c.field;
  if (c.field === 'assignee') return c.to ? 'assigned to someone new' : 'unassigned';
  return `${label} from ${show(c.field, c.from)} to ${show(c.field, c.to)}`;
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
