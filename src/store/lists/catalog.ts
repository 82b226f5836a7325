// Lists and their columns. Each list's items live in their own table (items_<seq>) with one SQL column
// per list column, so declared indexes become real SQLite indexes (docs/decisions/0202).
import { randomUUID } from 'node:crypto';
import { quoteIdent, type Db } from '../db/open';
import { prepareCached } from '../db/statements';
import { GraphError, notFound } from '../http/errors';
import { checkColumnSet, TITLE_COLUMN, type ColumnDef, type ColumnKind } from './columns';

export interface Actor {
  readonly kind: 'application' | 'user';
  readonly id: string;
  readonly displayName: string;
}

export interface ListMeta {
  readonly seq: number;
  readonly id: string;
  readonly displayName: string;
  readonly name: string;
  readonly description: string;
  readonly template: string;
  readonly created: string;
  readonly modified: string;
  readonly createdBy: Actor;
  /** Title first, then the custom columns in creation order. */
  readonly columns: readonly ColumnDef[];
  readonly table: string;
}

export interface NewList {
  readonly displayName: string;
  readonly description?: string;
  readonly template?: string;
  readonly columns: readonly ColumnDef[];
}

const SQL_TYPE: Record<ColumnKind, string> = {
  // SharePoint compares text case-insensitively (its SQL collation), so text columns use NOCASE.
  text: 'TEXT COLLATE NOCASE',
  choice: 'TEXT COLLATE NOCASE',
  note: 'TEXT',
  number: 'REAL',
  boolean: 'INTEGER',
  dateTime: 'TEXT',
  dateOnly: 'TEXT',
};

export const sqlColumn = (name: string): string => quoteIdent(`c_${name}`);

export class ListCatalog {
  private readonly cache = new Map<number, ListMeta>();

  constructor(private readonly db: Db) {
    for (const row of db.prepare('SELECT seq FROM lists ORDER BY seq').all() as { seq: number }[]) this.load(row.seq);
  }

  all(): ListMeta[] {
    return [...this.cache.values()].sort((a, b) => a.seq - b.seq);
  }

  /** Graph addresses a list by its id or by its display name. */
  resolve(ref: string): ListMeta {
    const key = ref.toLowerCase();
    for (const list of this.cache.values()) {
      if (list.id === key || list.displayName.toLowerCase() === key) return list;
    }
    throw notFound(`The list '${ref}' was not found on this site.`);
  }

  create(input: NewList, by: Actor, now: string): ListMeta {
    const columns = [TITLE_COLUMN, ...input.columns];
    checkColumnSet(columns);
    const clash = this.all().find((l) => l.displayName.toLowerCase() === input.displayName.toLowerCase());
    if (clash) throw new GraphError(409, 'nameAlreadyExists', `A list with the display name '${input.displayName}' already exists.`);
    const seq = this.db.transaction(() => {
      const info = this.db
        .prepare('INSERT INTO lists (id, display_name, name, description, template, created, modified, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(randomUUID(), input.displayName, urlName(input.displayName), input.description ?? '', input.template ?? 'genericList', now, now, JSON.stringify(by));
      const newSeq = Number(info.lastInsertRowid);
      const table = quoteIdent(`items_${newSeq}`);
      const sqlColumns = columns.map((c) => `${sqlColumn(c.name)} ${SQL_TYPE[c.kind]}`).join(', ');
      this.db.exec(`CREATE TABLE ${table} (id INTEGER PRIMARY KEY, guid TEXT NOT NULL, version INTEGER NOT NULL,
        created TEXT NOT NULL, modified TEXT NOT NULL, author TEXT NOT NULL, editor TEXT NOT NULL, ${sqlColumns})`);
      columns.forEach((c, i) => this.insertColumn(newSeq, i, c));
      return newSeq;
    })();
    return this.load(seq);
  }

  /** Add a column to an existing list (POST .../columns). */
  addColumn(list: ListMeta, column: ColumnDef, now: string): ListMeta {
    checkColumnSet([...list.columns, column]);
    this.db.transaction(() => {
      this.db.exec(`ALTER TABLE ${quoteIdent(list.table)} ADD COLUMN ${sqlColumn(column.name)} ${SQL_TYPE[column.kind]}`);
      this.insertColumn(list.seq, list.columns.length, column);
      this.db.prepare('UPDATE lists SET modified = ? WHERE seq = ?').run(now, list.seq);
    })();
    return this.load(list.seq);
  }

  itemCount(list: ListMeta): number {
    const row = prepareCached(this.db, 'SELECT item_count FROM lists WHERE seq = ?').get(list.seq) as { item_count: number };
    return row.item_count;
  }

  private insertColumn(seq: number, position: number, column: ColumnDef): void {
    this.db.prepare('INSERT INTO columns (list_seq, position, id, name, definition) VALUES (?, ?, ?, ?, ?)')
      .run(seq, position, column.id, column.name, JSON.stringify(column));
    const table = quoteIdent(`items_${seq}`);
    if (column.unique) {
      this.db.exec(`CREATE UNIQUE INDEX ${quoteIdent(`ux_${seq}_${column.name}`)} ON ${table} (${sqlColumn(column.name)})`);
    } else if (column.indexed) {
      this.db.exec(`CREATE INDEX ${quoteIdent(`ix_${seq}_${column.name}`)} ON ${table} (${sqlColumn(column.name)}, id)`);
    }
  }

  private load(seq: number): ListMeta {
    const row = this.db.prepare('SELECT * FROM lists WHERE seq = ?').get(seq) as {
      seq: number; id: string; display_name: string; name: string; description: string; template: string;
      created: string; modified: string; created_by: string;
    };
    const columns = (this.db.prepare('SELECT definition FROM columns WHERE list_seq = ? ORDER BY position').all(seq) as { definition: string }[])
      .map((c) => JSON.parse(c.definition) as ColumnDef);
    const meta: ListMeta = {
      seq: row.seq, id: row.id, displayName: row.display_name, name: row.name, description: row.description,
      template: row.template, created: row.created, modified: row.modified, createdBy: JSON.parse(row.created_by) as Actor,
      columns, table: `items_${row.seq}`,
    };
    this.cache.set(seq, meta);
    return meta;
  }
}

/** SharePoint derives a list's URL name from its title without spaces. */
function urlName(displayName: string): string {
  return displayName.replace(/[^A-Za-z0-9_-]/g, '') || 'List';
}
