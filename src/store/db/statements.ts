// A small cache of prepared statements by SQL text: list queries vary by filter shape, but a running product
// repeats the same few shapes, and preparing is most of the cost of a short query.
import type { Statement } from 'better-sqlite3';
import type { Db } from './open';

const MAX_CACHED = 256;
const caches = new WeakMap<Db, Map<string, Statement>>();

export function prepareCached(db: Db, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const found = cache.get(sql);
  if (found) {
    // Refresh its place so the least recently used statement is dropped first.
    cache.delete(sql);
    cache.set(sql, found);
    return found;
  }
  const statement = db.prepare(sql);
  cache.set(sql, statement);
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value as string);
  return statement;
}
