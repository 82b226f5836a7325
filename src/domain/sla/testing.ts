// Test helpers: a fluent history builder that writes entries the way the API does, and policy/context factories.
import { compileCalendar, type BusinessCalendar } from '../calendar/compile';
import type { CalendarDefinition } from '../calendar/types';
import type { ActorRole, FieldChange, HistoryEntry, HoldReason, Priority, TicketState } from '../tickets/types';
import type { ClockSubject } from './history-replay';
import type { ClockContext } from './ticket-clocks';
import type { OlaAgreement, PriorityTargets, SlaPolicy, TargetSpec, TargetsByPriority } from './types';

type Value = string | number | null;
const PERSON = { id: 'p-analyst', upn: 'analyst@example.org', name: 'Analyst' };

export class HistoryBuilder {
  private readonly entries: HistoryEntry[] = [];
  private readonly values: Record<string, Value> = { state: null, holdReason: null, assignedGroupId: null, assignee: null, priority: null, serviceId: null };
  private readonly openedAt: number;

  constructor(at: number, init: { priority: Priority; group?: string | null; serviceId?: string | null; assignee?: string | null }) {
    this.openedAt = at;
    this.write(at, 'create', { state: 'New', priority: init.priority, assignedGroupId: init.group ?? null, serviceId: init.serviceId ?? null, assignee: init.assignee ?? null });
  }

  write(at: number, action: string, set: Record<string, Value>, byRole: ActorRole = 'Analyst'): this {
    const changes: FieldChange[] = [];
    for (const [field, to] of Object.entries(set)) {
      if (this.values[field] === to) continue;
      changes.push({ field, from: this.values[field] ?? null, to });
      this.values[field] = to;
    }
    this.entries.push({ at: new Date(at).toISOString(), by: PERSON, action, changes, byRole });
    return this;
  }

  take = (at: number, who = 'p-analyst'): this => this.write(at, 'take', { assignee: who, state: 'InProgress' });
  hold = (at: number, reason: HoldReason): this => this.write(at, 'hold', { state: 'OnHold', holdReason: reason });
  resume = (at: number, byRole: ActorRole = 'Analyst'): this => this.write(at, 'resume', { state: 'InProgress', holdReason: null }, byRole);
  resolve = (at: number): this => this.write(at, 'resolve', { state: 'Resolved', holdReason: null });
  reopen = (at: number): this => this.write(at, 'reopen', { state: 'InProgress' }, 'Requester');
  close = (at: number): this => this.write(at, 'close', { state: 'Closed' }, 'System');
  cancel = (at: number): this => this.write(at, 'cancel', { state: 'Cancelled', holdReason: null });
  handover = (at: number, group: string | null): this => this.write(at, 'handover', { assignedGroupId: group, assignee: null });
  priority = (at: number, p: Priority): this => this.write(at, 'changeImpact', { priority: p });
  reply = (at: number, byRole: ActorRole): this => this.write(at, 'reply', {}, byRole);
  note = (at: number): this => this.write(at, 'worknote', {});

  subject(): ClockSubject {
    const v = this.values;
    return {
      openedAt: new Date(this.openedAt).toISOString(),
      history: this.entries,
      state: v.state as TicketState,
      holdReason: v.holdReason as HoldReason | null,
      priority: v.priority as Priority,
      serviceId: v.serviceId as string | null,
      assignedGroupId: v.assignedGroupId as string | null,
      assignee: v.assignee ? { id: String(v.assignee), upn: 'x', name: 'x' } : null,
    };
  }
}

export const minutes = (n: number): TargetSpec => ({ unit: 'businessMinutes', value: n });
export const hours = (n: number): TargetSpec => ({ unit: 'businessMinutes', value: n * 60 });
export const businessDays = (n: number): TargetSpec => ({ unit: 'businessDays', value: n });
export const calendarDays = (n: number): TargetSpec => ({ unit: 'calendarDays', value: n });

/** The same targets for every priority, with optional overrides per priority. */
export function targets(all: PriorityTargets, per: Partial<Record<Priority, PriorityTargets>> = {}): TargetsByPriority {
  return { 1: per[1] ?? all, 2: per[2] ?? all, 3: per[3] ?? all, 4: per[4] ?? all, 5: per[5] ?? all };
}

export function slaPolicy(calendarId: string, t: TargetsByPriority, extra: Partial<SlaPolicy> = {}): SlaPolicy {
  return { id: 'sla-default', version: 1, name: 'Default SLA', effectiveFrom: '2016-01-01T00:00:00Z', calendarId, serviceId: null, targets: t, ...extra };
}

export function olaAgreement(groupId: string, calendarId: string, t: TargetsByPriority, extra: Partial<OlaAgreement> = {}): OlaAgreement {
  return { id: `ola-${groupId}`, version: 1, name: `OLA ${groupId}`, effectiveFrom: '2016-01-01T00:00:00Z', calendarId, groupId, targets: t, ...extra };
}

export function calendars(...defs: CalendarDefinition[]): Map<string, BusinessCalendar> {
  const map = new Map<string, BusinessCalendar>();
  for (const d of defs) {
    const r = compileCalendar(d);
    if (!r.ok) throw new Error(r.errors[0]!.message);
    map.set(d.id, r.value);
  }
  return map;
}

export const context = (c: Map<string, BusinessCalendar>, sla: SlaPolicy[], ola: OlaAgreement[], now: number): ClockContext => ({
  calendars: c,
  slaPolicies: sla,
  olaAgreements: ola,
  now,
});
