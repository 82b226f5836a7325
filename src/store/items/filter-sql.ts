// A parsed $filter as one SQL condition over the list's typed columns (docs/decisions/0202, 0250).
import { badRequest } from '../http/errors';
import type { ListMeta } from '../lists/catalog';
import type { Clause, FilterNode, StartsWith } from '../odata/filter-parser';
import { comparisonSql, resolveProperty, type ResolvedProperty, type SqlCondition } from './properties';

export interface ResolvedClause {
  readonly clause: Clause;
  readonly property: ResolvedProperty;
  readonly condition: SqlCondition;
}

/** Resolves every clause once (so errors name the first bad one, left to right) and keeps them by node. */
export function resolveClauses(list: ListMeta, clauses: readonly Clause[], siteTimeZone: string): Map<Clause, ResolvedClause> {
  const resolved = new Map<Clause, ResolvedClause>();
  for (const clause of clauses) {
    const property = resolveProperty(list, clause.property, '$filter');
    const condition = clause.type === 'cmp' ? comparisonSql(property, clause, siteTimeZone) : startsWithSql(property, clause);
    resolved.set(clause, { clause, property, condition });
  }
  return resolved;
}

export function filterSql(node: FilterNode, resolved: ReadonlyMap<Clause, ResolvedClause>): SqlCondition {
  if (node.type === 'and' || node.type === 'or') {
    const left = filterSql(node.left, resolved);
    const right = filterSql(node.right, resolved);
    return { sql: `(${left.sql}) ${node.type === 'and' ? 'AND' : 'OR'} (${right.sql})`, params: [...left.params, ...right.params] };
  }
  const found = resolved.get(node);
  if (!found) throw new Error('filter clause was not resolved');
  return found.condition;
}

/** Several conditions joined by OR, for counting what the leading clauses of an `or` match together. */
export function anyOf(conditions: readonly SqlCondition[]): SqlCondition {
  return { sql: conditions.map((c) => `(${c.sql})`).join(' OR '), params: conditions.flatMap((c) => c.params) };
}

/**
 * startswith on text and choice columns. A LIKE prefix on a NOCASE column can use the column's index in SQLite,
 * and compares without regard to case, as SharePoint's BeginsWith does.
 */
function startsWithSql(property: ResolvedProperty, clause: StartsWith): SqlCondition {
  if (property.kind !== 'text' && property.kind !== 'choice') {
    throw badRequest(`Invalid filter clause at position ${clause.position}: startswith needs a text or choice column; '${property.label}' is ${property.kind === 'id' ? 'the item id' : `a ${property.kind} column`}.`);
  }
  if (clause.prefix === '') return { sql: `${property.sql} IS NOT NULL`, params: [] };
  const escaped = clause.prefix.replace(/[\\%_]/g, (c) => `\\${c}`);
  return { sql: `${property.sql} LIKE ? ESCAPE '\\'`, params: [`${escaped}%`] };
}
