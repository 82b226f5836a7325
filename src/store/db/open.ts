// One better-sqlite3 connection per store. WAL + synchronous=NORMAL by default: a committed transaction
// survives a crash of the process (kill -9); FULL also survives power loss at one fsync per commit
// (docs/decisions/0203).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;
export type Synchronous = 'NORMAL' | 'FULL';

export const DATABASE_FILE = 'store.sqlite';

export function openDatabase(dataDir: string, synchronous: Synchronous = 'NORMAL'): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('foreign_keys = ON');
  db.pragma('temp_store = MEMORY');
  // 64 MiB of page cache keeps a 50,000-item list's rows and indexes in memory (queue pages 3x faster).
  db.pragma('cache_size = -65536');
  migrate(db);
  return db;
}

/** Schema steps in order; user_version says how many have run, so an old data dir is brought forward. */
const MIGRATIONS: readonly string[] = [
  `
    CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS lists (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      display_name TEXT NOT NULL COLLATE NOCASE UNIQUE,
      name TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      template TEXT NOT NULL,
      created TEXT NOT NULL,
      modified TEXT NOT NULL,
      created_by TEXT NOT NULL,
      next_item_id INTEGER NOT NULL DEFAULT 1,
      item_count INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE IF NOT EXISTS columns (
      list_seq INTEGER NOT NULL REFERENCES lists(seq) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      id TEXT NOT NULL,
      name TEXT NOT NULL,
      definition TEXT NOT NULL,
      PRIMARY KEY (list_seq, name)
    );
    CREATE TABLE IF NOT EXISTS users (
      id TEXT PRIMARY KEY,
      user_principal_name TEXT NOT NULL COLLATE NOCASE UNIQUE,
      display_name TEXT NOT NULL,
      mail TEXT,
      job_title TEXT,
      department TEXT,
      app_roles TEXT NOT NULL DEFAULT '[]',
      groups TEXT NOT NULL DEFAULT '[]'
    );
  `,
  // The site's document library: folders and files, content kept in the same database (docs/decisions/0256).
  `
    CREATE TABLE IF NOT EXISTS drive_items (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      parent_seq INTEGER REFERENCES drive_items(seq) ON DELETE CASCADE,
      name TEXT NOT NULL COLLATE NOCASE,
      is_folder INTEGER NOT NULL,
      size INTEGER NOT NULL DEFAULT 0,
      mime TEXT,
      content BLOB,
      guid TEXT NOT NULL,
      version INTEGER NOT NULL,
      created TEXT NOT NULL,
      modified TEXT NOT NULL,
      created_by TEXT NOT NULL,
      modified_by TEXT NOT NULL,
      UNIQUE (parent_seq, name)
    );
    CREATE INDEX IF NOT EXISTS users_display_name ON users (display_name COLLATE NOCASE);
    CREATE INDEX IF NOT EXISTS users_mail ON users (mail COLLATE NOCASE);
  `,
  // Library columns of a file (its listItem's fields), as JSON.
  `ALTER TABLE drive_items ADD COLUMN fields TEXT NOT NULL DEFAULT '{}';`,
];

function migrate(db: Db): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version >= MIGRATIONS.length) return;
  db.transaction(() => {
    MIGRATIONS.slice(version).forEach((sql) => db.exec(sql));
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  })();
}

/** Quote an SQL identifier; names reaching here are already validated, this is belt and braces. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function readMeta(db: Db, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function writeMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}
