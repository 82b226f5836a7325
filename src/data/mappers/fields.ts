// Schema-driven coercion between Graph field values and plain JS values. Every mapper reads and writes columns
// through here, so a value that does not fit its column is caught with the list, item and column named.
import type { ColumnSchema, ListSchema } from '../../../sharepoint-lists/schema';
import { ItemMappingError } from '../errors';
import { instantText } from '../odata';
import { dateOnlyFromGraph, DEFAULT_SITE_TIME_ZONE } from './date-only';

export type FieldValue = string | number | boolean | null;
export type FieldValues = Record<string, FieldValue>;

/** SharePoint's limits: single line of text 255 characters, multiple lines of plain text 63,999 in a list. */
export const TEXT_MAX_LENGTH = 255;
export const NOTE_MAX_LENGTH = 63_999;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

// Columns by name per schema: every field of every item read goes through here.
const columnsBySchema = new WeakMap<ListSchema, Map<string, ColumnSchema>>();

function column(schema: ListSchema, name: string, itemId: string | undefined): ColumnSchema {
  let byName = columnsBySchema.get(schema);
  if (!byName) {
    byName = new Map(schema.columns.map((c) => [c.name, c]));
    columnsBySchema.set(schema, byName);
  }
  const found = byName.get(name);
  if (!found) throw new ItemMappingError(schema.name, itemId, name, 'the list schema has no such column');
  return found;
}

/** Reads a column's value from an item's fields: null when absent, else checked against the column's type. */
export function readField(schema: ListSchema, fields: Readonly<Record<string, unknown>>, name: string, itemId: string | undefined, timeZone: string = DEFAULT_SITE_TIME_ZONE): FieldValue {
  const col = column(schema, name, itemId);
  const raw = fields[name];
  if (raw === undefined || raw === null) return null;
  const fail = (problem: string): never => {
    throw new ItemMappingError(schema.name, itemId, name, `${problem} (stored value ${JSON.stringify(raw).slice(0, 80)})`);
  };
  switch (col.type) {
    case 'text':
    case 'note':
      return typeof raw === 'string' ? raw : fail(`expected ${col.type} text`);
    case 'number': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
      return Number.isFinite(n) ? n : fail('expected a number');
    }
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      if (raw === 1 || raw === 0) return raw === 1;
      return fail('expected Yes/No (a boolean)');
    case 'dateTime':
      if (typeof raw !== 'string' || !ISO_INSTANT.test(raw) || Number.isNaN(Date.parse(raw))) return fail('expected an ISO-8601 instant');
      return instantText(new Date(raw));
    case 'dateOnly': {
      // Schema-driven: the site's local midnight as an instant reads back as the date it was written as.
      const date = typeof raw === 'string' ? dateOnlyFromGraph(raw, timeZone) : undefined;
      return date ?? fail('expected a date');
    }
    case 'choice':
      if (typeof raw !== 'string') return fail('expected a choice (text)');
      return col.choices?.includes(raw) ? raw : fail(`'${raw}' is not one of the column's choices (${(col.choices ?? []).join(', ')})`);
  }
}

/** Checks a value for a column before it is written; returns the value as Graph should receive it. */
export function writeField(schema: ListSchema, name: string, value: FieldValue, itemId?: string): FieldValue {
  const col = column(schema, name, itemId);
  const fail = (problem: string): never => {
    throw new ItemMappingError(schema.name, itemId, name, problem);
  };
  if (value === null || value === '') return col.required ? fail('a value is required') : null;
  switch (col.type) {
    case 'text':
    case 'note': {
      if (typeof value !== 'string') return fail(`expected text, got ${typeof value}`);
      const max = col.type === 'text' ? Math.min(col.maxLength ?? TEXT_MAX_LENGTH, TEXT_MAX_LENGTH) : (col.maxLength ?? NOTE_MAX_LENGTH);
      // SharePoint counts UTF-16 code units, as String.length does, so an emoji counts as two.
      return value.length <= max ? value : fail(`text of ${value.length} characters is longer than the column's ${max}`);
    }
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : fail('expected a finite number');
    case 'boolean':
      return typeof value === 'boolean' ? value : fail('expected a boolean');
    case 'dateTime':
      if (typeof value !== 'string' || !ISO_INSTANT.test(value) || Number.isNaN(Date.parse(value))) return fail('expected an ISO-8601 instant');
      return instantText(new Date(value));
    case 'dateOnly':
      return typeof value === 'string' && ISO_DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)
        ? value
        : fail('expected a date as YYYY-MM-DD');
    case 'choice':
      if (typeof value !== 'string') return fail('expected a choice (text)');
      return col.choices?.includes(value) ? value : fail(`'${value}' is not one of the column's choices (${(col.choices ?? []).join(', ')})`);
  }
}

/**
 * Checks a set of values for a write. A full write (create) must carry every required column; a partial one
 * (update) only what changes. Unknown column names are refused rather than silently sent.
 */
export function writeFields(schema: ListSchema, values: Readonly<FieldValues>, options: { partial: boolean; itemId?: string }): FieldValues {
  const out: FieldValues = {};
  for (const [name, value] of Object.entries(values)) out[name] = writeField(schema, name, value, options.itemId);
  if (!options.partial) {
    for (const col of schema.columns) {
      if (col.required && (out[col.name] === undefined || out[col.name] === null)) {
        throw new ItemMappingError(schema.name, options.itemId, col.name, 'a value is required');
      }
    }
  }
  return out;
}

/** Typed reads of one item's columns for the specific mappers. */
export class FieldReader {
  constructor(
    readonly schema: ListSchema,
    readonly itemId: string | undefined,
    private readonly fields: Readonly<Record<string, unknown>>,
    /** The site's time zone, for date-only columns. */
    private readonly timeZone: string = DEFAULT_SITE_TIME_ZONE,
  ) {}

  private fail(name: string, problem: string): never {
    throw new ItemMappingError(this.schema.name, this.itemId, name, problem);
  }

  private value(name: string): FieldValue {
    return readField(this.schema, this.fields, name, this.itemId, this.timeZone);
  }

  optionalText(name: string): string | null {
    const v = this.value(name);
    return v === null || v === '' ? null : (v as string);
  }

  text(name: string): string {
    return this.optionalText(name) ?? this.fail(name, 'a value is required but the item has none');
  }

  optionalNumber(name: string): number | null {
    return this.value(name) as number | null;
  }

  number(name: string): number {
    return this.optionalNumber(name) ?? this.fail(name, 'a value is required but the item has none');
  }

  optionalBoolean(name: string): boolean | null {
    return this.value(name) as boolean | null;
  }

  /** Yes/No columns: absent reads as false, as SharePoint shows it. */
  boolean(name: string): boolean {
    return this.optionalBoolean(name) ?? false;
  }

  /** A date-only column as YYYY-MM-DD (the date it was written as), or null. */
  optionalDate(name: string): string | null {
    return this.value(name) as string | null;
  }

  optionalInstant(name: string): string | null {
    return this.value(name) as string | null;
  }

  instant(name: string): string {
    return this.optionalInstant(name) ?? this.fail(name, 'a value is required but the item has none');
  }

  /** A choice column narrowed to the domain's own list of values. */
  optionalChoice<T extends string>(name: string, allowed: readonly T[]): T | null {
    const v = this.value(name) as string | null;
    if (v === null) return null;
    return (allowed as readonly string[]).includes(v) ? (v as T) : this.fail(name, `'${v}' is not a value the domain knows (${allowed.join(', ')})`);
  }

  choice<T extends string>(name: string, allowed: readonly T[]): T {
    return this.optionalChoice(name, allowed) ?? this.fail(name, 'a value is required but the item has none');
  }

  /** An integer within [min, max], for columns the domain constrains (impact, urgency, priority). */
  integerIn<T extends number>(name: string, min: number, max: number): T {
    const n = this.number(name);
    return Number.isInteger(n) && n >= min && n <= max ? (n as T) : this.fail(name, `expected a whole number from ${min} to ${max}, got ${n}`);
  }

  /** A note column holding JSON, checked by `parse`; empty reads as `empty`. */
  json<T>(name: string, empty: T, parse: (value: unknown) => T): T {
    const text = this.optionalText(name);
    if (text === null) return empty;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return this.fail(name, `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    try {
      return parse(value);
    } catch (error) {
      return this.fail(name, error instanceof Error ? error.message : String(error));
    }
  }
}
