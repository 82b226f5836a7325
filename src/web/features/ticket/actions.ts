import type { TicketDetailResponse } from '../../../contracts/api';
import { RESOLUTION_CODES } from '../../../domain/tickets/resolution-codes';
import { HOLD_REASONS } from '../../../domain/tickets/types';

// Every command the tab offers, as data: what it asks for and when it is offered. The API decides in the end;
// when it lists allowedActions the tab offers exactly those.

/** 'assignee': a person the ticket may be assigned to (an analyst of its group). */
export type FieldKind = 'textarea' | 'text' | 'select' | 'rating' | 'person' | 'assignee' | 'group' | 'impact' | 'urgency' | 'checkbox';

export interface FieldSpec {
  readonly name: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly required?: boolean;
  readonly hint?: string;
  readonly options?: readonly { readonly value: string; readonly label: string }[];
}

export interface CommandSpec {
  readonly action: string;
  readonly label: string;
  /** Runs at once when it has no fields. */
  readonly fields: readonly FieldSpec[];
  readonly submitLabel?: string;
}

const HOLD_LABELS: Record<string, string> = {
  AwaitingCaller: 'Waiting for the caller',
  AwaitingSupplier: 'Waiting for a supplier',
  AwaitingChange: 'Waiting for a change',
  AwaitingOther: 'Waiting for something else',
  AwaitingProblem: 'Waiting for a problem fix',
};
export const holdReasonLabel = (r: string | null): string => (r ? (HOLD_LABELS[r] ?? r) : '');

const note = (label: string, required: boolean): FieldSpec => ({ name: 'note', label, kind: 'textarea', required });

export const COMMANDS: Readonly<Record<string, CommandSpec>> = {
  take: { action: 'take', label: 'Take', fields: [] },
  assign: { action: 'assign', label: 'Assign', submitLabel: 'Assign ticket', fields: [{ name: 'assigneeId', label: 'Assign to', kind: 'assignee', required: true }] },
  handover: {
    action: 'handover',
    label: 'Hand over to another group',
    submitLabel: 'Hand over',
    fields: [{ name: 'groupKey', label: 'Support group', kind: 'group', required: true }, note('Hand-over note for the next group', true)],
  },
  priority: {
    action: 'priority',
    label: 'Change impact or urgency',
    submitLabel: 'Save impact and urgency',
    fields: [{ name: 'impact', label: 'Impact', kind: 'impact', required: true }, { name: 'urgency', label: 'Urgency', kind: 'urgency', required: true }, note('Why it changed', true)],
  },
  major: { action: 'major', label: 'Major incident', submitLabel: 'Save major incident flag', fields: [{ name: 'isMajorIncident', label: 'This is a major incident', kind: 'checkbox' }, note('Why', true)] },
  hold: {
    action: 'hold',
    label: 'Put on hold',
    submitLabel: 'Put on hold now',
    fields: [
      { name: 'reason', label: 'Reason', kind: 'select', required: true, options: HOLD_REASONS.map((r) => ({ value: r, label: holdReasonLabel(r) })) },
      // Optional, as the API's hold note is: an analyst may park a ticket without writing to the caller.
      note('Message to the caller (optional; they see it)', false),
    ],
  },
  resume: { action: 'resume', label: 'Resume work', fields: [] },
  resolve: {
    action: 'resolve',
    label: 'Resolve',
    submitLabel: 'Resolve ticket',
    fields: [
      { name: 'resolutionCode', label: 'Resolution code', kind: 'select', required: true, options: RESOLUTION_CODES.map((r) => ({ value: r.code, label: r.label })) },
      note('Resolution note (the caller sees it)', true),
    ],
  },
  cancel: {
    action: 'cancel',
    label: 'Cancel as duplicate',
    submitLabel: 'Cancel ticket as duplicate',
    fields: [{ name: 'duplicateOf', label: 'Number of the original ticket', kind: 'text', required: true }, note('Note', false)],
  },
  reply: { action: 'reply', label: 'Reply', submitLabel: 'Send reply', fields: [{ name: 'body', label: 'Your reply', kind: 'textarea', required: true }] },
  worknote: {
    action: 'worknote',
    label: 'Add work note',
    submitLabel: 'Save work note',
    fields: [{ name: 'body', label: 'Work note (analysts only; the caller never sees it)', kind: 'textarea', required: true }],
  },
  confirm: {
    action: 'confirm',
    label: 'Confirm it is fixed',
    submitLabel: 'Confirm and close',
    fields: [
      { name: 'rating', label: 'How satisfied are you with how this was handled?', kind: 'rating' },
      { name: 'comment', label: 'Comment (optional)', kind: 'textarea' },
    ],
  },
  reopen: { action: 'reopen', label: 'It is not fixed: reopen', submitLabel: 'Reopen ticket', fields: [note('What is still wrong?', true)] },
};

/** The required fields left empty, each with the message shown beside it. */
export function missingFields(spec: CommandSpec, values: Readonly<Record<string, string>>): Record<string, string> {
  const missing: Record<string, string> = {};
  for (const f of spec.fields) if (f.required && !(values[f.name] ?? '').trim()) missing[f.name] = `${f.label} is required.`;
  return missing;
}

const ANALYST_ORDER = ['take', 'assign', 'reply', 'worknote', 'hold', 'resume', 'resolve', 'priority', 'major', 'handover', 'cancel', 'reopen'];
const REQUESTER_ORDER = ['reply', 'confirm', 'reopen'];

/** What this reader may do now, from the API's list, or worked out from the state machine when it sends none. */
export function allowedCommands(detail: TicketDetailResponse, me: { id: string; isAnalyst: boolean }): CommandSpec[] {
  const t = detail.ticket;
  const mine = t.requesterId === me.id;
  let actions: string[];
  if (Array.isArray(detail.allowedActions)) actions = [...detail.allowedActions];
  else {
    const open = t.state === 'New' || t.state === 'InProgress' || t.state === 'OnHold';
    actions = [];
    if (me.isAnalyst) {
      if (open && t.assigneeId !== me.id) actions.push('take');
      if (open) actions.push('assign', 'handover', 'priority', 'major', 'resolve', 'cancel');
      if (t.state === 'New' || t.state === 'InProgress') actions.push('hold');
      if (t.state === 'OnHold') actions.push('resume');
      if (t.state !== 'Cancelled') actions.push('reply', 'worknote');
    }
    if (mine) {
      if (t.state !== 'Cancelled') actions.push('reply');
      if (t.state === 'Resolved' && !t.satisfaction) actions.push('confirm');
    }
    if (t.state === 'Resolved' && (mine || me.isAnalyst)) actions.push('reopen');
  }
  const order = me.isAnalyst ? ANALYST_ORDER : REQUESTER_ORDER;
  const wanted = new Set(actions);
  const ordered = [...order, ...REQUESTER_ORDER].filter((a, i, all) => wanted.has(a) && all.indexOf(a) === i);
  return ordered.map((a) => COMMANDS[a]).filter((c): c is CommandSpec => c !== undefined);
}
