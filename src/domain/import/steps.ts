// One event row applied to the ticket as the product's own commands would have written it: assignment, impact,
// urgency, priority, categorisation, then the state change. Each is its own history entry at the row's instant,
// named as the product names its actions; the clocks read only the field changes (decision 0104).
import { withHistory } from '../tickets/history';
import type { ActorRole, HoldReason, Impact, PersonRef, Priority, Ticket, TicketState, Urgency } from '../tickets/types';
import { QUIRK, countQuirk } from './quirks';
import type { QuirkCounts } from './types';

/** What one event says the ticket looks like, in the product's terms. */
export interface EventView {
  readonly state: TicketState;
  readonly holdReason: HoldReason | null;
  readonly assignedGroupId: string | null;
  readonly assignee: PersonRef | null;
  readonly impact: Impact;
  readonly urgency: Urgency;
  readonly priority: Priority;
  readonly serviceId: string | null;
  readonly categoryId: string | null;
  readonly resolutionCode: string | null;
}

export interface StepContext {
  readonly at: string;
  readonly by: PersonRef;
  /** Who resolved, when the export says; else the row's updater. */
  readonly resolvedBy: PersonRef;
  readonly quirks: QuirkCounts;
}

type Fields = Omit<Ticket, 'history'>;
const OPEN: ReadonlySet<TicketState> = new Set(['New', 'InProgress', 'OnHold']);

function entry(t: Ticket, after: Fields, ctx: StepContext, action: string, byRole: ActorRole = 'Analyst', by = ctx.by, note?: string): Ticket {
  return withHistory(t, after, { at: ctx.at, by, byRole, action, ...(note ? { note } : {}) });
}

/** The action name and the ticket after a state change, or null when the state does not change. */
function stateStep(t: Ticket, v: EventView, ctx: StepContext): { action: string; after: Fields; byRole: ActorRole; by: PersonRef } | null {
  const from = t.state;
  const to = v.state;
  if (from === to && (to !== 'OnHold' || t.holdReason === v.holdReason)) return null;
  const base = { ...t, state: to, holdReason: to === 'OnHold' ? v.holdReason : null };
  if (to === 'Closed') {
    if (from !== 'Resolved') countQuirk(ctx.quirks, QUIRK.closedUnresolved);
    // The previous tool closed almost every incident by itself after the caller's grace period.
    return { action: 'close', byRole: 'System', by: ctx.by, after: { ...base, closedAt: ctx.at, resolutionCode: t.resolutionCode ?? v.resolutionCode } };
  }
  if (to === 'Resolved') return { action: 'resolve', byRole: 'Analyst', by: ctx.resolvedBy, after: { ...base, resolvedAt: ctx.at, closedAt: null, resolutionCode: v.resolutionCode } };
  if (to === 'Cancelled') return { action: 'cancel', byRole: 'Analyst', by: ctx.by, after: base };
  if ((from === 'Resolved' || from === 'Closed') && OPEN.has(to)) {
    if (from === 'Closed') countQuirk(ctx.quirks, QUIRK.reopenedAfterClosed);
    return { action: 'reopen', byRole: 'Analyst', by: ctx.by, after: { ...base, resolvedAt: null, closedAt: null, resolutionCode: null } };
  }
  const action = to === 'OnHold' ? 'hold' : from === 'OnHold' ? 'resume' : from === 'New' && to === 'InProgress' ? 'take' : 'import';
  return { action, byRole: 'Analyst', by: ctx.by, after: base };
}

/** Applies one event's view; returns the ticket with zero or more new history entries. */
export function applyEvent(start: Ticket, v: EventView, ctx: StepContext): Ticket {
  let t = start;
  const groupChanges = t.assignedGroupId !== v.assignedGroupId;
  const assigneeChanges = (t.assignee?.id ?? null) !== (v.assignee?.id ?? null);
  // An assignee set in the same row that moves New to In progress is the product's 'take'.
  const take = t.state === 'New' && v.state === 'InProgress' && !groupChanges && assigneeChanges && v.assignee !== null;
  if ((groupChanges || assigneeChanges) && !take) {
    const action = groupChanges && t.assignedGroupId !== null ? 'handover' : 'assign';
    t = entry(t, { ...t, assignedGroupId: v.assignedGroupId, assignee: v.assignee }, ctx, action);
  }
  if (t.impact !== v.impact) t = entry(t, { ...t, impact: v.impact, priority: v.priority }, ctx, 'changeImpact');
  if (t.urgency !== v.urgency) t = entry(t, { ...t, urgency: v.urgency, priority: v.priority }, ctx, 'changeUrgency');
  if (t.priority !== v.priority) {
    // The export's own priority is kept as recorded, never re-derived from impact and urgency.
    t = entry(t, { ...t, priority: v.priority }, ctx, 'import', 'Analyst', ctx.by, 'Priority changed in the previous tool.');
  }
  if (t.serviceId !== v.serviceId || t.categoryId !== v.categoryId) {
    t = entry(t, { ...t, serviceId: v.serviceId, categoryId: v.categoryId }, ctx, 'import', 'Analyst', ctx.by, 'Recategorised in the previous tool.');
  }
  const state = stateStep(t, v, ctx);
  if (state) t = entry(t, take ? { ...state.after, assignee: v.assignee } : state.after, ctx, state.action, state.byRole, state.by);
  else if (t.state === 'Closed' && v.state === 'Closed') countQuirk(ctx.quirks, QUIRK.repeatedClosed);
  return t;
}
