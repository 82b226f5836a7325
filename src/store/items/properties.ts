// Resolve `id` and `fields/Name` in $filter and $orderby to SQL, and literals to SQL values of the column's type.
import { quoteIdent } from '../db/open';
import { badRequest } from '../http/errors';
import type { ColumnKind } from '../lists/columns';
import { sqlColumn, type ListMeta } from '../lists/catalog';
import type { Comparison, Literal, PropertyRef } from '../odata/filter-parser';
import { normalizeInstant, type SqlValue } from './codec';
import { dateOnlyInstant } from './date-only';

export interface ResolvedProperty {
  /** As the client wrote it, for messages. */
  readonly label: string;
  readonly name: string;
  readonly sql: string;
  /** Key of the value in a selected row. */
  readonly rowKey: string;
  readonly kind: ColumnKind | 'id';
  readonly indexed: boolean;
}

const ID: ResolvedProperty = { label: 'id', name: 'ID', sql: 'id', rowKey: 'id', kind: 'id', indexed: true };

/** Created and Modified exist on every list; like SharePoint's, they are not indexed unless asked. */
const SYSTEM: Record<string, ResolvedProperty> = {
  Created: { label: 'fields/Created', name: 'Created', sql: 'created', rowKey: 'created', kind: 'dateTime', indexed: false },
  Modified: { label: 'fields/Modified', name: 'Modified', sql: 'modified', rowKey: 'modified', kind: 'dateTime', indexed: false },
};

export function resolveProperty(list: ListMeta, ref: PropertyRef, where: '$filter' | '$orderby'): ResolvedProperty {
  if (ref.kind === 'id') return ID;
  const system = SYSTEM[ref.name];
  if (system) return system;
  const column = list.columns.find((c) => c.name === ref.name);
  if (!column) throw badRequest(`Field '${ref.name}' in ${where} is not recognized on list '${list.displayName}'.`);
  if (column.kind === 'note') {
    // SharePoint cannot query or sort on multiple lines of text.
    throw badRequest(`Field '${ref.name}' is multiple lines of text (Note) and cannot be used in ${where}.`);
  }
  return {
    label: `fields/${column.name}`,
    name: column.name,
    sql: sqlColumn(column.name),
    rowKey: `c_${column.name}`,
    kind: column.kind,
    indexed: column.indexed,
  };
}

export interface SqlCondition {
  readonly sql: string;
  readonly params: SqlValue[];
}

const SQL_OP = { eq: '=', ne: '<>', lt: '<', le: '<=', gt: '>', ge: '>=' } as const;

/**
 * One comparison as SQL. SharePoint keeps no empty strings (a cleared text field has no value), so `eq ''` and
 * `eq null` both mean "empty". A comparison with a value never matches an empty field, `ne` included: SQL's
 * three-valued logic, and SharePoint's Neq, which needs an explicit IsNull branch to include them (decision 0253).
 */
export function comparisonSql(property: ResolvedProperty, clause: Comparison, siteTimeZone: string): SqlCondition {
  const empty = clause.literal.kind === 'null' || (clause.literal.kind === 'string' && clause.literal.value === '' && isTextual(property));
  if (empty) {
    if (clause.op !== 'eq' && clause.op !== 'ne') throw mismatch(property, clause, 'null can only be compared with eq or ne');
    return { sql: `${property.sql} IS ${clause.op === 'eq' ? '' : 'NOT '}NULL`, params: [] };
  }
  return { sql: `${property.sql} ${SQL_OP[clause.op]} ?`, params: [literalValue(property, clause, siteTimeZone)] };
}

const isTextual = (property: ResolvedProperty): boolean => property.kind === 'text' || property.kind === 'choice' || property.kind === 'note';

function literalValue(property: ResolvedProperty, clause: Comparison, siteTimeZone: string): SqlValue {
  const literal: Literal = clause.literal;
  const numeric = literal.kind === 'number' ? literal.value : literal.kind === 'string' && /^-?\d+(\.\d+)?$/.test(literal.value) ? Number(literal.value) : undefined;
  switch (property.kind) {
    case 'id':
      if (numeric !== undefined && Number.isInteger(numeric)) return numeric;
      throw mismatch(property, clause, 'expected a whole number');
    case 'number':
      if (numeric !== undefined) return numeric;
      throw mismatch(property, clause, 'expected a number');
    case 'boolean':
      // SharePoint's Yes/No columns take true/false and also 1/0.
      if (literal.kind === 'boolean') return literal.value ? 1 : 0;
      if (literal.kind === 'number' && (literal.value === 0 || literal.value === 1)) return literal.value;
      throw mismatch(property, clause, 'expected true, false, 1 or 0');
    case 'dateTime':
    case 'dateOnly': {
      const text = literal.kind === 'string' || literal.kind === 'datetime' ? literal.value : undefined;
      // A bare date means local midnight on the site for a date-only column, and midnight UTC for a date and time.
      const zone = property.kind === 'dateOnly' ? siteTimeZone : 'UTC';
      const value = text === undefined ? undefined : normalizeInstant(text) ?? dateOnlyInstant(text, zone);
      if (value !== undefined) return value;
      throw mismatch(property, clause, "expected an ISO 8601 date or date and time in quotes, e.g. '2024-03-01T09:30:00Z'");
    }
    case 'text':
    case 'choice':
    case 'note':
      if (literal.kind === 'string') return literal.value;
      throw mismatch(property, clause, "expected a string in single quotes, e.g. 'O''Brien'");
  }
}

function mismatch(property: ResolvedProperty, clause: Comparison, detail: string): Error {
  return badRequest(`Invalid filter clause at position ${clause.position}: type mismatch for '${property.label}' (${detail}).`);
}

export const tableName = (list: ListMeta): string => quoteIdent(list.table);
