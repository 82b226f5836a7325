// One CSV record of the export -> a typed event, or a problem naming the line and the reason.
import { isImpact, isPriority } from '../tickets/priority';
import type { Impact, Priority, Urgency } from '../tickets/types';
import type { LocalTimeConverter } from './local-time';
import type { ImportMapping, SourceField } from './mapping';
import { SOURCE_FIELDS } from './mapping';
import type { RowProblem, SourceEvent } from './types';

/** The product's own numbers (INC-24919) can never be imported: they would collide with tickets made here. */
export const PRODUCT_NUMBER = /^[A-Z]+-\d+$/i;
const SOURCE_NUMBER = /^[A-Za-z0-9][A-Za-z0-9_.:/ -]{0,47}$/;

export type ReferenceFields = Pick<SourceEvent, 'caller' | 'openedBy' | 'createdBy' | 'updatedBy' | 'resolvedBy' | 'assignee' | 'group' | 'category' | 'subcategory'>;

export type ColumnIndex = Readonly<Record<SourceField, number>>;

export type HeaderResult = { readonly ok: true; readonly index: ColumnIndex } | { readonly ok: false; readonly problems: readonly string[] };

/** Finds each mapped column in the header row; missing required columns stop the import before any row. */
export function indexHeader(header: readonly string[], mapping: ImportMapping): HeaderResult {
  const positions = new Map(header.map((h, i) => [h.trim().replace(/^\uFEFF/, ''), i]));
  const index: Record<string, number> = {};
  const problems: string[] = [];
  for (const field of Object.keys(SOURCE_FIELDS) as SourceField[]) {
    const column = mapping.columns[field];
    const at = column === null ? undefined : positions.get(column);
    if (at !== undefined) index[field] = at;
    else if (SOURCE_FIELDS[field]) problems.push(`the export has no column "${column}" for ${field}`);
    else index[field] = -1;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, index: index as ColumnIndex };
}

/** Collapses runs of spaces ("Opened by  8" and "Opened by 8" are one person). */
const tidy = (text: string): string => text.trim().replace(/\s+/g, ' ');

export class RowParser {
  private readonly empty: ReadonlySet<string>;
  private readonly truthy: ReadonlySet<string>;

  constructor(
    private readonly mapping: ImportMapping,
    private readonly index: ColumnIndex,
    private readonly clock: LocalTimeConverter,
  ) {
    this.empty = new Set(mapping.empty);
    this.truthy = new Set(mapping.trueValues.map((v) => v.toLowerCase()));
  }

  /** The incident number of a record, when it has a usable one (so bad rows still count towards their incident). */
  numberOf(record: readonly string[]): string | null {
    const raw = this.text(record, 'number');
    return raw !== null && SOURCE_NUMBER.test(raw) && !PRODUCT_NUMBER.test(raw) ? raw : null;
  }

  parse(record: readonly string[], line: number, columns: number): SourceEvent | RowProblem {
    const number = this.text(record, 'number');
    const problem = (reason: string): RowProblem => ({ line, number, reason });
    if (record.length !== columns) return problem(`has ${record.length} fields where the header has ${columns}`);
    if (number === null) return problem('has no incident number');
    if (PRODUCT_NUMBER.test(number)) return problem(`number "${number}" has the product's own INC-<id> form, which imports may not use`);
    if (!SOURCE_NUMBER.test(number)) return problem(`number "${number}" is not a ticket number (letters, digits, at most 48 characters)`);
    const stateText = this.text(record, 'state');
    if (stateText === null) return problem('has no state');
    const modText = this.text(record, 'modCount');
    const modCount = modText === null ? Number.NaN : Number(modText);
    if (!Number.isInteger(modCount) || modCount < 0) return problem(`${this.mapping.columns.modCount} "${modText ?? ''}" is not a whole number`);
    const adjustments: string[] = [];
    const time = (field: SourceField, required: boolean): string | null | undefined => {
      const text = this.text(record, field);
      if (text === null) return required ? undefined : null;
      const converted = this.clock.convert(text);
      if (!converted) return undefined;
      if (converted.adjustment) adjustments.push(`${converted.adjustment}:${field}`);
      return converted.iso;
    };
    const openedAt = time('openedAt', true);
    if (!openedAt) return problem(`${this.mapping.columns.openedAt} "${this.raw(record, 'openedAt')}" is not a date and time`);
    const updatedAt = time('updatedAt', true);
    if (!updatedAt) return problem(`${this.mapping.columns.updatedAt} "${this.raw(record, 'updatedAt')}" is not a date and time`);
    const resolvedAt = time('resolvedAt', false);
    const closedAt = time('closedAt', false);
    if (resolvedAt === undefined) return problem(`${this.mapping.columns.resolvedAt} "${this.raw(record, 'resolvedAt')}" is not a date and time`);
    if (closedAt === undefined) return problem(`${this.mapping.columns.closedAt} "${this.raw(record, 'closedAt')}" is not a date and time`);
    const impact = this.level(record, 'impact');
    const urgency = this.level(record, 'urgency');
    const priority = this.level(record, 'priority');
    if (!isImpact(impact)) return problem(`impact "${this.raw(record, 'impact')}" is not 1, 2 or 3`);
    if (!isImpact(urgency)) return problem(`urgency "${this.raw(record, 'urgency')}" is not 1, 2 or 3`);
    if (!isPriority(priority)) return problem(`priority "${this.raw(record, 'priority')}" is not 1 to 5`);
    const madeSlaText = this.text(record, 'madeSla');
    return {
      line, number, stateText, modCount, openedAt, updatedAt, resolvedAt, closedAt,
      madeSla: madeSlaText === null ? null : this.truthy.has(madeSlaText.toLowerCase()),
      caller: this.text(record, 'caller'), openedBy: this.text(record, 'openedBy'), createdBy: this.text(record, 'createdBy'),
      updatedBy: this.text(record, 'updatedBy'), contactType: this.text(record, 'contactType'), location: this.text(record, 'location'),
      category: this.text(record, 'category'), subcategory: this.text(record, 'subcategory'), symptom: this.text(record, 'symptom'),
      impact: impact as Impact, urgency: urgency as Urgency, priority: priority as Priority,
      group: this.text(record, 'group'), assignee: this.text(record, 'assignee'), closeCode: this.text(record, 'closeCode'),
      resolvedBy: this.text(record, 'resolvedBy'), problem: this.text(record, 'problem'), vendor: this.text(record, 'vendor'),
      timeAdjustments: adjustments,
    };
  }

  private raw(record: readonly string[], field: SourceField): string {
    const at = this.index[field];
    return at < 0 ? '' : (record[at] ?? '');
  }

  /** A field's text, tidied, or null when the column is absent or holds an "empty" marker. */
  private text(record: readonly string[], field: SourceField): string | null {
    const value = tidy(this.raw(record, field));
    return value.length === 0 || this.empty.has(value) ? null : value;
  }

  /** "2 - Medium" -> 2; a mapped word ("High") -> its number. */
  private level(record: readonly string[], field: SourceField): number | null {
    const text = this.text(record, field);
    if (text === null) return null;
    const mapped = this.mapping.levels[text];
    if (mapped !== undefined) return mapped;
    const m = /^(\d+)/.exec(text);
    return m ? Number(m[1]) : null;
  }
}

export const isProblem = (row: SourceEvent | RowProblem): row is RowProblem => 'reason' in row;
