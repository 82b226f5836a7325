// GET .../items: $filter, $orderby, $top and key-set paging. The $skiptoken carries the last row's sort
// values, so pages stay stable while items are added (no offsets), and every query is one indexed SQL statement.
import { createHash } from 'node:crypto';
import type { Db } from '../db/open';
import { prepareCached } from '../db/statements';
import { badRequest } from '../http/errors';
import type { ListMeta } from '../lists/catalog';
import { clausesOf, leadingClauses, type FilterNode } from '../odata/filter-parser';
import type { OrderKey } from '../odata/query-options';
import type { SqlValue } from './codec';
import { anyOf, filterSql, resolveClauses } from './filter-sql';
import { resolveProperty, tableName, type ResolvedProperty, type SqlCondition } from './properties';
import type { ItemRow } from './resource';
import { checkQueryShape, LIST_VIEW_THRESHOLD } from './threshold';

export interface ItemsQuery {
  readonly filterText?: string;
  readonly filter?: FilterNode;
  readonly orderByText?: string;
  readonly orderBy: readonly OrderKey[];
  readonly top: number;
  readonly skiptoken?: string;
  readonly preferNonIndexed: boolean;
}

export interface ItemsPage {
  readonly rows: ItemRow[];
  /** Present when more rows follow. */
  readonly skiptoken?: string;
}

export interface QueryOptions {
  readonly retryAfterSeconds: number;
  readonly siteTimeZone: string;
}

interface SortKey {
  readonly property: ResolvedProperty;
  readonly descending: boolean;
}

export function queryItems(db: Db, list: ListMeta, itemCount: number, query: ItemsQuery, options: QueryOptions): ItemsPage {
  const clauses = query.filter ? clausesOf(query.filter) : [];
  const resolved = resolveClauses(list, clauses, options.siteTimeZone);
  const leading = query.filter ? leadingClauses(query.filter).map((c) => resolved.get(c)!) : [];
  const sortKeys: SortKey[] = query.orderBy.map((k) => ({ property: resolveProperty(list, k.property, '$orderby'), descending: k.descending }));

  checkQueryShape({
    listName: list.displayName,
    itemCount,
    preferNonIndexed: query.preferNonIndexed,
    clauses: [...resolved.values()].map((c) => c.property),
    leading: leading.map((c) => c.property),
    orderBy: sortKeys.map((k) => k.property),
    countLeading: () => countMatching(db, list, anyOf(leading.map((c) => c.condition))),
    retryAfterSeconds: options.retryAfterSeconds,
  });

  // id breaks ties so the order is total and the cursor is exact.
  if (!sortKeys.some((k) => k.property.kind === 'id')) {
    sortKeys.push({ property: { label: 'id', name: 'ID', sql: 'id', rowKey: 'id', kind: 'id', indexed: true }, descending: false });
  }
  const fingerprint = queryFingerprint(list, query);
  const where: SqlCondition[] = query.filter ? [filterSql(query.filter, resolved)] : [];
  if (query.skiptoken !== undefined) where.push(afterCursor(sortKeys, decodeSkiptoken(query.skiptoken, fingerprint, sortKeys.length)));

  // Sort only ids and sort keys, then read the page's full rows: sorting whole rows (long notes included)
  // would move megabytes per query on a queue of thousands.
  const keyColumns = [...new Set(sortKeys.map((k) => k.property.sql))];
  const sql = `SELECT ${keyColumns.join(', ')} FROM ${tableName(list)}${where.length ? ` WHERE ${where.map((w) => `(${w.sql})`).join(' AND ')}` : ''}
    ORDER BY ${sortKeys.map((k) => `${k.property.sql} ${k.descending ? 'DESC' : 'ASC'}`).join(', ')} LIMIT ?`;
  const keys = prepareCached(db, sql).all(...where.flatMap((w) => w.params), query.top + 1) as Record<string, SqlValue>[];
  const more = keys.length > query.top;
  const pageKeys = more ? keys.slice(0, query.top) : keys;
  const rows = readRows(db, list, pageKeys.map((k) => k.id as number));
  if (!more) return { rows };
  const last = rows[rows.length - 1]!;
  return { rows, skiptoken: encodeSkiptoken(fingerprint, sortKeys.map((k) => (last[k.property.rowKey] ?? null) as SqlValue)) };
}

function readRows(db: Db, list: ListMeta, ids: readonly number[]): ItemRow[] {
  if (ids.length === 0) return [];
  const found = prepareCached(db, `SELECT * FROM ${tableName(list)} WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as ItemRow[];
  const byId = new Map(found.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id)!);
}

function countMatching(db: Db, list: ListMeta, condition: SqlCondition): number {
  const sql = `SELECT count(*) AS n FROM (SELECT 1 FROM ${tableName(list)} WHERE ${condition.sql} LIMIT ${LIST_VIEW_THRESHOLD + 1})`;
  const row = prepareCached(db, sql).get(...condition.params) as { n: number };
  return row.n;
}

/**
 * Rows strictly after the cursor in (k1, k2, ..., id) order. NULLs sort first ascending and last
 * descending, as in SharePoint's SQL; "IS" compares NULL-safely.
 */
function afterCursor(keys: readonly SortKey[], values: readonly SqlValue[]): SqlCondition {
  const alternatives: SqlCondition[] = [];
  keys.forEach((key, i) => {
    const value = values[i] ?? null;
    const beyond = beyondValue(key, value);
    if (!beyond) return;
    const equalities = keys.slice(0, i).map((k, j) => ({ sql: `${k.property.sql} IS ?`, params: [values[j] ?? null] }));
    const parts = [...equalities, beyond];
    alternatives.push({ sql: parts.map((p) => p.sql).join(' AND '), params: parts.flatMap((p) => p.params) });
  });
  if (alternatives.length === 0) return { sql: '0', params: [] };
  return { sql: alternatives.map((a) => `(${a.sql})`).join(' OR '), params: alternatives.flatMap((a) => a.params) };
}

function beyondValue(key: SortKey, value: SqlValue): SqlCondition | undefined {
  const column = key.property.sql;
  if (value === null) return key.descending ? undefined : { sql: `${column} IS NOT NULL`, params: [] };
  if (key.descending) return { sql: `(${column} < ? OR ${column} IS NULL)`, params: [value] };
  return { sql: `${column} > ?`, params: [value] };
}

/** Ties a $skiptoken to the list and query it came from. */
function queryFingerprint(list: ListMeta, query: ItemsQuery): string {
  return createHash('sha256').update(`${list.id}\n${query.filterText ?? ''}\n${query.orderByText ?? ''}`).digest('base64url').slice(0, 12);
}

function encodeSkiptoken(fingerprint: string, values: readonly SqlValue[]): string {
  return Buffer.from(JSON.stringify({ q: fingerprint, k: values })).toString('base64url');
}

function decodeSkiptoken(token: string, fingerprint: string, keyCount: number): SqlValue[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const candidate = parsed as { q?: unknown; k?: unknown } | undefined;
  if (!candidate || candidate.q !== fingerprint || !Array.isArray(candidate.k) || candidate.k.length !== keyCount) {
    throw badRequest('The $skiptoken is not valid for this request. Follow @odata.nextLink exactly as returned.');
  }
  return candidate.k as SqlValue[];
}
