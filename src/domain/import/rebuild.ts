// The event rows of one incident -> one ticket with its history rebuilt entry by entry.
import { withHistory } from '../tickets/history';
import type { ContactChannel, PersonRef, Ticket } from '../tickets/types';
import { keyOf, personFor, titleFor, UNKNOWN_CALLER } from './generate';
import type { ImportMapping } from './mapping';
import { QUIRK, countQuirk, unknownStateQuirk } from './quirks';
import { applyEvent, type EventView } from './steps';
import type { QuirkCounts, RebuiltTicket, SourceEvent } from './types';

/** SharePoint's cap on a multiple-lines-of-text column; a longer history could not be stored. */
export const HISTORY_LIMIT = 63_999;

export interface RebuildOptions {
  readonly mapping: ImportMapping;
  /** ISO instant (after any week shift): rows after it, and incidents opened after it, are left out. */
  readonly cutoff?: string | null;
}

export type RebuildResult = { readonly ok: true; readonly rebuilt: RebuiltTicket } | { readonly ok: false; readonly reason: string };

// The same pseudonyms come back on most rows: generating a person once per name saves most of the hashing.
const people = new Map<string, PersonRef>();
const person = (source: string | null, staff: boolean): PersonRef | null => {
  if (source === null) return null;
  let found = people.get(source);
  if (!found) {
    const p = personFor(source, staff);
    found = { id: p.id, upn: p.upn, name: p.name };
    if (people.size > 50_000) people.clear();
    people.set(source, found);
  }
  return found;
};

/** Rows in the export's own order of updates: sys_mod_count, then file order. Counts what was out of place. */
function ordered(events: readonly SourceEvent[], quirks: QuirkCounts): SourceEvent[] {
  const sorted = [...events].sort((a, b) => a.modCount - b.modCount || a.line - b.line);
  if (sorted.some((e, i) => e !== events[i])) countQuirk(quirks, QUIRK.outOfOrder);
  if (new Set(sorted.map((e) => e.modCount)).size < sorted.length) countQuirk(quirks, QUIRK.duplicateModCount);
  if ((sorted[0]?.modCount ?? 0) > 0) countQuirk(quirks, QUIRK.firstNotCreation);
  for (const e of sorted) for (const a of new Set(e.timeAdjustments.map((x) => x.split(':')[0]))) countQuirk(quirks, a === 'dstGap' ? QUIRK.dstGap : QUIRK.dstOverlap);
  return sorted;
}

function describe(number: string, events: readonly SourceEvent[], system: string): string {
  const last = events[events.length - 1]!;
  const first = events[0]!;
  const facts: [string, string | null][] = [
    ['Caller', first.caller], ['Opened by', first.openedBy], ['Contact', last.contactType], ['Location', last.location],
    ['Category', last.category], ['Subcategory', last.subcategory], ['Symptom', last.symptom], ['Problem', last.problem],
    ['Vendor', last.vendor], ['Close code', last.closeCode], ['Resolved by', last.resolvedBy],
  ];
  const known = facts.filter(([, v]) => v !== null).map(([k, v]) => `${k}: ${v}`);
  return `Imported from ${system} incident ${number} (${events.length} events).\n${known.join('\n')}`;
}

export function rebuildIncident(all: readonly SourceEvent[], options: RebuildOptions, quirks: QuirkCounts): RebuildResult {
  const { mapping } = options;
  let events = ordered(all, quirks);
  const number = events[0]!.number;
  if (options.cutoff) {
    if (events[0]!.openedAt > options.cutoff) {
      countQuirk(quirks, QUIRK.openedAfterCutoff);
      return { ok: false, reason: QUIRK.openedAfterCutoff };
    }
    const kept = events.filter((e) => e.updatedAt <= options.cutoff!);
    countQuirk(quirks, QUIRK.afterCutoff, events.length - kept.length);
    if (kept.length === 0) return { ok: false, reason: 'no row before the cut-off' };
    events = kept;
  }
  const callers = [...new Set(events.map((e) => e.caller).filter((c): c is string => c !== null))];
  if (callers.length > 1) countQuirk(quirks, QUIRK.callerChanged);
  if (callers.length === 0) countQuirk(quirks, QUIRK.noCaller);
  const requester = person(callers[0] ?? UNKNOWN_CALLER, true)!;
  const first = events[0]!;
  const openedBy = person(first.openedBy ?? first.createdBy, false);
  const channelText = events.find((e) => e.contactType !== null)?.contactType ?? null;
  const contactChannel: ContactChannel = channelText === null ? 'Import' : (mapping.channels[channelText] ?? 'Import');
  if (channelText !== null && mapping.channels[channelText] === undefined) countQuirk(quirks, QUIRK.unknownChannel);

  const view = (e: SourceEvent, current: Ticket | null): EventView => {
    let target = mapping.states[e.stateText];
    if (!target) {
      countQuirk(quirks, unknownStateQuirk(e.stateText));
      target = current ? { state: current.state, ...(current.holdReason ? { holdReason: current.holdReason } : {}) } : { state: 'New' };
    }
    return {
      state: target.state, holdReason: target.state === 'OnHold' ? (target.holdReason ?? 'AwaitingOther') : null,
      assignedGroupId: e.group === null ? null : keyOf(e.group), assignee: person(e.assignee, false),
      impact: e.impact, urgency: e.urgency, priority: e.priority,
      serviceId: e.category === null ? null : keyOf(e.category), categoryId: e.subcategory === null ? null : keyOf(e.subcategory),
      resolutionCode: e.closeCode === null ? null : e.closeCode.slice(0, 64),
    };
  };

  const v0 = view(first, null);
  const creator = openedBy ?? requester;
  let ticket = withHistory(
    null,
    {
      number, type: 'Incident', parentNumber: null, title: titleFor(first.symptom, first.category),
      description: describe(number, events, mapping.sourceSystem), state: 'New', holdReason: null,
      impact: v0.impact, urgency: v0.urgency, priority: v0.priority, isMajorIncident: false,
      serviceId: v0.serviceId, categoryId: v0.categoryId, assignedGroupId: v0.assignedGroupId, assignee: v0.assignee,
      requester, openedBy: creator, contactChannel, openedAt: first.openedAt, updatedAt: first.openedAt,
      resolvedAt: null, closedAt: null, resolutionCode: null, resolutionNote: null,
    },
    { at: first.openedAt, by: creator, byRole: openedBy ? 'Analyst' : 'Requester', action: 'create' },
  );
  let at = first.openedAt;
  for (const e of events) {
    if (e.updatedAt < first.openedAt) countQuirk(quirks, QUIRK.timeBeforeOpened);
    else if (e.updatedAt < at) countQuirk(quirks, QUIRK.timeBeforePrevious);
    if (e.updatedAt > at) at = e.updatedAt;
    const before = ticket.history.length;
    const by = person(e.updatedBy, false) ?? creator;
    ticket = applyEvent(ticket, e === first ? v0 : view(e, ticket), { at, by, resolvedBy: person(e.resolvedBy, false) ?? by, quirks });
    if (ticket.history.length === before && e !== first) countQuirk(quirks, QUIRK.noTrackedChange);
  }
  const last = events[events.length - 1]!;
  if (ticket.state === 'Resolved' || ticket.state === 'Closed') {
    if (last.resolvedAt && ticket.resolvedAt && last.resolvedAt !== ticket.resolvedAt) countQuirk(quirks, QUIRK.resolvedAtDiffers);
  }
  if (ticket.state === 'Closed' && last.closedAt && ticket.closedAt && last.closedAt !== ticket.closedAt) countQuirk(quirks, QUIRK.closedAtDiffers);
  if (JSON.stringify(ticket.history).length > HISTORY_LIMIT) {
    countQuirk(quirks, QUIRK.historyTooLong);
    return { ok: false, reason: QUIRK.historyTooLong };
  }
  return { ok: true, rebuilt: { ticket, previousToolMadeSla: last.madeSla, sourceSystem: mapping.sourceSystem, events: events.length } };
}
