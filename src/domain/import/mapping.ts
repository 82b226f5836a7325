// How an export's columns and values map to the import's fields. The default is ServiceNow's incident event log;
// a JSON mapping file overrides parts of it, so another export imports without code changes.
import { CONTACT_CHANNELS, HOLD_REASONS, TICKET_STATES } from '../tickets/types';
import type { ContactChannel, HoldReason, TicketState } from '../tickets/types';
import type { StateTarget } from './types';

/** Fields the import reads; `required` ones must be mapped to a column. */
export const SOURCE_FIELDS = {
  number: true, state: true, modCount: true, openedAt: true, updatedAt: true, impact: true, urgency: true, priority: true,
  madeSla: false, caller: false, openedBy: false, createdBy: false, updatedBy: false, resolvedAt: false, closedAt: false,
  contactType: false, location: false, category: false, subcategory: false, symptom: false, group: false, assignee: false,
  closeCode: false, resolvedBy: false, problem: false, vendor: false,
} as const;
export type SourceField = keyof typeof SOURCE_FIELDS;

export type DateOrder = 'dmy' | 'mdy' | 'ymd';

export interface ImportMapping {
  readonly format: string;
  readonly sourceSystem: string;
  /** Column header for each field; null when the export has no such column. */
  readonly columns: Readonly<Record<SourceField, string | null>>;
  /** Values that mean "empty" ('?' in the ServiceNow log). */
  readonly empty: readonly string[];
  readonly dateOrder: DateOrder;
  readonly states: Readonly<Record<string, StateTarget>>;
  readonly channels: Readonly<Record<string, ContactChannel>>;
  readonly trueValues: readonly string[];
  /** Text that levels (impact, urgency, priority) may use instead of a leading number ("2 - Medium"). */
  readonly levels: Readonly<Record<string, number>>;
}

export const SERVICENOW_EVENTS: ImportMapping = {
  format: 'servicenow-events',
  sourceSystem: 'ServiceNow',
  columns: {
    number: 'number', state: 'incident_state', modCount: 'sys_mod_count', openedAt: 'opened_at', updatedAt: 'sys_updated_at',
    impact: 'impact', urgency: 'urgency', priority: 'priority', madeSla: 'made_sla', caller: 'caller_id', openedBy: 'opened_by',
    createdBy: 'sys_created_by', updatedBy: 'sys_updated_by', resolvedAt: 'resolved_at', closedAt: 'closed_at',
    contactType: 'contact_type', location: 'location', category: 'category', subcategory: 'subcategory', symptom: 'u_symptom',
    group: 'assignment_group', assignee: 'assigned_to', closeCode: 'closed_code', resolvedBy: 'resolved_by', problem: 'problem_id',
    vendor: 'vendor',
  },
  empty: ['?', ''],
  dateOrder: 'dmy',
  states: {
    New: { state: 'New' },
    Active: { state: 'InProgress' },
    'Awaiting User Info': { state: 'OnHold', holdReason: 'AwaitingCaller' },
    'Awaiting Evidence': { state: 'OnHold', holdReason: 'AwaitingCaller' },
    'Awaiting Vendor': { state: 'OnHold', holdReason: 'AwaitingSupplier' },
    'Awaiting Problem': { state: 'OnHold', holdReason: 'AwaitingProblem' },
    Resolved: { state: 'Resolved' },
    Closed: { state: 'Closed' },
  },
  // Self-service and "direct opening" have no channel of their own here: they count as imported.
  channels: { Phone: 'Phone', IVR: 'Phone', Email: 'Email', 'Walk-in': 'WalkIn' },
  trueValues: ['true', 'yes', '1'],
  levels: {},
};

export const BUILT_IN_MAPPINGS: Readonly<Record<string, ImportMapping>> = { [SERVICENOW_EVENTS.format]: SERVICENOW_EVENTS };

export type MappingResult = { readonly ok: true; readonly mapping: ImportMapping } | { readonly ok: false; readonly problems: readonly string[] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

function stateTargets(raw: unknown, problems: string[]): Record<string, StateTarget> {
  const out: Record<string, StateTarget> = {};
  if (!isRecord(raw)) return problems.push('"states" must be an object of source state -> {"state": ..., "holdReason"?: ...}'), out;
  for (const [name, target] of Object.entries(raw)) {
    const t = typeof target === 'string' ? { state: target } : target;
    if (!isRecord(t) || !(TICKET_STATES as readonly unknown[]).includes(t.state)) {
      problems.push(`states."${name}": state must be one of ${TICKET_STATES.join(', ')}`);
      continue;
    }
    if (t.holdReason !== undefined && !(HOLD_REASONS as readonly unknown[]).includes(t.holdReason)) {
      problems.push(`states."${name}": holdReason must be one of ${HOLD_REASONS.join(', ')}`);
      continue;
    }
    out[name] = t.holdReason === undefined ? { state: t.state as TicketState } : { state: t.state as TicketState, holdReason: t.holdReason as HoldReason };
  }
  return out;
}

/**
 * A mapping from a parsed JSON file: `{"extends": "servicenow-events", "columns": {...}, "states": {...}, ...}`.
 * Unmentioned parts come from the format it extends; states and channels given are added to (or replace) the base's.
 */
export function mappingFromJson(raw: unknown): MappingResult {
  const problems: string[] = [];
  if (!isRecord(raw)) return { ok: false, problems: ['The mapping file must hold a JSON object.'] };
  const baseName = raw.extends ?? SERVICENOW_EVENTS.format;
  const base = typeof baseName === 'string' ? BUILT_IN_MAPPINGS[baseName] : undefined;
  if (!base) return { ok: false, problems: [`"extends" must name a built-in format (${Object.keys(BUILT_IN_MAPPINGS).join(', ')}).`] };
  const columns: Record<string, string | null> = { ...base.columns };
  if (raw.columns !== undefined) {
    if (!isRecord(raw.columns)) problems.push('"columns" must be an object of field -> column header (or null).');
    else {
      for (const [name, header] of Object.entries(raw.columns)) {
        if (!(name in SOURCE_FIELDS)) problems.push(`columns."${name}" is not a field the import reads (${Object.keys(SOURCE_FIELDS).join(', ')}).`);
        else if (header !== null && (typeof header !== 'string' || header.length === 0)) problems.push(`columns."${name}" must be a column header or null.`);
        else if (header === null && SOURCE_FIELDS[name as SourceField]) problems.push(`columns."${name}" is required and cannot be null.`);
        else columns[name] = header as string | null;
      }
    }
  }
  const states = raw.states === undefined ? base.states : { ...base.states, ...stateTargets(raw.states, problems) };
  const channels: Record<string, ContactChannel> = { ...base.channels };
  if (raw.channels !== undefined) {
    if (!isRecord(raw.channels)) problems.push('"channels" must be an object of source value -> channel.');
    else {
      for (const [name, ch] of Object.entries(raw.channels)) {
        if ((CONTACT_CHANNELS as readonly unknown[]).includes(ch)) channels[name] = ch as ContactChannel;
        else problems.push(`channels."${name}" must be one of ${CONTACT_CHANNELS.join(', ')}.`);
      }
    }
  }
  const listOr = (key: string, fallback: readonly string[]): readonly string[] => {
    if (raw[key] === undefined) return fallback;
    if (isStringList(raw[key])) return raw[key] as string[];
    problems.push(`"${key}" must be a list of texts.`);
    return fallback;
  };
  const dateOrder = raw.dateOrder ?? base.dateOrder;
  if (dateOrder !== 'dmy' && dateOrder !== 'mdy' && dateOrder !== 'ymd') problems.push('"dateOrder" must be dmy, mdy or ymd.');
  const levels = raw.levels === undefined ? base.levels : raw.levels;
  if (!isRecord(levels) || !Object.values(levels).every((n) => Number.isInteger(n))) problems.push('"levels" must map texts to whole numbers.');
  const sourceSystem = raw.sourceSystem ?? base.sourceSystem;
  if (typeof sourceSystem !== 'string' || sourceSystem.length === 0 || sourceSystem.length > 64) problems.push('"sourceSystem" must be a name of 1 to 64 characters.');
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    mapping: {
      format: typeof raw.format === 'string' ? raw.format : `${base.format}+mapping`,
      sourceSystem: sourceSystem as string,
      columns: columns as Record<SourceField, string | null>,
      empty: listOr('empty', base.empty),
      dateOrder: dateOrder as DateOrder,
      states,
      channels,
      trueValues: listOr('trueValues', base.trueValues),
      levels: levels as Record<string, number>,
    },
  };
}
