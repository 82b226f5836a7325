// Field values between Graph JSON and SQLite, validated against the list's columns.
import type { ColumnDef } from '../lists/columns';
import { badRequest } from '../http/errors';
import { normalizeDateOnly } from './date-only';

export type SqlValue = string | number | null;

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** SharePoint keeps date and time values to the second, in UTC: "2024-03-01T09:30:00Z". */
export function normalizeInstant(value: string): string | undefined {
  const match = ISO_INSTANT.exec(value);
  if (!match) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms).toISOString().slice(0, 19) + 'Z';
}

/**
 * Validate one written field value and convert it to its SQL form. An empty string clears a text field, as in
 * SharePoint, which keeps no empty strings.
 */
export function toSqlValue(column: ColumnDef, value: unknown, siteTimeZone: string): SqlValue {
  const textual = column.kind === 'text' || column.kind === 'choice' || column.kind === 'note';
  if (value === null || value === undefined || (textual && value === '')) {
    if (column.required) throw badRequest(`Field '${column.name}' is required and cannot be empty.`);
    return null;
  }
  const wrongType = (expected: string): never => {
    throw badRequest(`Invalid value for field '${column.name}': expected ${expected}, got ${describe(value)}.`);
  };
  switch (column.kind) {
    case 'text':
    case 'choice': {
      if (typeof value !== 'string') return wrongType('a string');
      const max = column.maxLength ?? 255;
      if (value.length > max) {
        throw badRequest(`Field '${column.name}' is too long: ${value.length} characters, at most ${max} are allowed in a single line of text.`);
      }
      if (column.kind === 'choice' && !column.allowTextEntry && !(column.choices ?? []).includes(value)) {
        throw badRequest(`Invalid value for field '${column.name}': '${value}' is not one of its choices (${(column.choices ?? []).join(', ')}).`);
      }
      return value;
    }
    case 'note':
      if (typeof value !== 'string') return wrongType('a string');
      return value;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return wrongType('a number');
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') return wrongType('true or false');
      return value ? 1 : 0;
    case 'dateTime': {
      const instant = typeof value === 'string' ? normalizeInstant(value) : undefined;
      return instant ?? wrongType('an ISO 8601 date and time with a zone, e.g. 2024-03-01T09:30:00Z');
    }
    case 'dateOnly': {
      const day = typeof value === 'string' ? normalizeDateOnly(value, siteTimeZone) : undefined;
      return day ?? wrongType('a date, e.g. 2024-03-01');
    }
  }
}

/** Convert a stored value back to the JSON Graph returns under fields. */
export function fromSqlValue(column: ColumnDef, raw: unknown): unknown {
  if (raw === null || raw === undefined) return null;
  if (column.kind === 'boolean') return raw === 1 || raw === 1n;
  if (column.kind === 'number') return Number(raw);
  return raw;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string '${value.length > 40 ? value.slice(0, 40) + '…' : value}'`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}
