// The site's one document library on SQLite: a tree of folders and files, each write one transaction, so a file and
// its metadata survive kill -9 together (docs/decisions/0256).
import { randomBytes, randomUUID } from 'node:crypto';
import { readMeta, writeMeta, type Db } from '../db/open';
import { prepareCached } from '../db/statements';
import { GraphError, notFound } from '../http/errors';
import type { Actor } from '../lists/catalog';
import { checkItemName, mimeTypeOf, renamed } from './names';

export interface DriveRow {
  readonly seq: number;
  readonly id: string;
  readonly parent_seq: number | null;
  readonly name: string;
  readonly is_folder: number;
  readonly size: number;
  readonly mime: string | null;
  readonly guid: string;
  readonly version: number;
  readonly created: string;
  readonly modified: string;
  readonly created_by: string;
  readonly modified_by: string;
  /** The file's library columns (its listItem fields) as JSON. */
  readonly fields: string;
}

export type ConflictBehavior = 'fail' | 'replace' | 'rename';

const COLUMNS = 'seq, id, parent_seq, name, is_folder, size, mime, guid, version, created, modified, created_by, modified_by, fields';

/** Item ids in the shape SharePoint's drive items have: 34 characters, "01" then base32. */
function newItemId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return `01${[...randomBytes(32)].map((b) => alphabet[b % 32]).join('')}`;
}

export class DriveRepository {
  readonly driveId: string;
  readonly rootId: string;

  constructor(private readonly db: Db, now: string) {
    const stored = readMeta(db, 'drive');
    if (stored) {
      ({ driveId: this.driveId, rootId: this.rootId } = JSON.parse(stored) as { driveId: string; rootId: string });
      return;
    }
    // SharePoint drive ids start with "b!" and are base64url.
    this.driveId = `b!${randomBytes(48).toString('base64url')}`;
    this.rootId = newItemId();
    db.transaction(() => {
      db.prepare(`INSERT INTO drive_items (id, parent_seq, name, is_folder, guid, version, created, modified, created_by, modified_by)
        VALUES (?, NULL, 'root', 1, ?, 1, ?, ?, '{}', '{}')`).run(this.rootId, randomUUID(), now, now);
      writeMeta(db, 'drive', JSON.stringify({ driveId: this.driveId, rootId: this.rootId }));
    })();
  }

  root(): DriveRow {
    return this.byId(this.rootId);
  }

  byId(id: string): DriveRow {
    const row = prepareCached(this.db, `SELECT ${COLUMNS} FROM drive_items WHERE id = ?`).get(id) as DriveRow | undefined;
    if (!row) throw notFound('The resource could not be found.');
    return row;
  }

  bySeq(seq: number): DriveRow {
    return prepareCached(this.db, `SELECT ${COLUMNS} FROM drive_items WHERE seq = ?`).get(seq) as DriveRow;
  }

  child(parent: DriveRow, name: string): DriveRow | undefined {
    return prepareCached(this.db, `SELECT ${COLUMNS} FROM drive_items WHERE parent_seq = ? AND name = ?`).get(parent.seq, name) as DriveRow | undefined;
  }

  /** The item at a path under a folder; 404 when any part is missing. */
  byPath(from: DriveRow, segments: readonly string[]): DriveRow {
    let current = from;
    for (const segment of segments) {
      const next = current.is_folder ? this.child(current, segment) : undefined;
      if (!next) throw notFound('The resource could not be found.');
      current = next;
    }
    return current;
  }

  /** Children in name order, after `afterName` (key-set paging). */
  children(folder: DriveRow, top: number, afterName?: string): DriveRow[] {
    if (!folder.is_folder) return [];
    return prepareCached(this.db, `SELECT ${COLUMNS} FROM drive_items WHERE parent_seq = ? AND (? IS NULL OR name > ?) ORDER BY name LIMIT ?`)
      .all(folder.seq, afterName ?? null, afterName ?? null, top) as DriveRow[];
  }

  childCount(folder: DriveRow): number {
    return (prepareCached(this.db, 'SELECT count(*) AS n FROM drive_items WHERE parent_seq = ?').get(folder.seq) as { n: number }).n;
  }

  /** The folder path from the root, e.g. ['INC-24919'] (empty for the root). */
  pathOf(row: DriveRow): string[] {
    const names: string[] = [];
    let current = row;
    while (current.parent_seq !== null) {
      names.unshift(current.name);
      current = this.bySeq(current.parent_seq);
    }
    return names;
  }

  content(row: DriveRow): Buffer {
    const found = prepareCached(this.db, 'SELECT content FROM drive_items WHERE seq = ?').get(row.seq) as { content: Buffer | null } | undefined;
    return found?.content ?? Buffer.alloc(0);
  }

  /**
   * Writes a file under `parent` at a relative path (missing folders are made, as Graph's path-based upload does).
   * Returns the file and whether it is new (201) or replaced (200).
   */
  upload(parent: DriveRow, segments: readonly string[], content: Buffer, conflict: ConflictBehavior, by: Actor, now: string): { row: DriveRow; created: boolean } {
    if (segments.length === 0) throw new GraphError(400, 'invalidRequest', 'The upload path names no file.');
    segments.forEach(checkItemName);
    return this.db.transaction(() => {
      let folder = parent;
      for (const name of segments.slice(0, -1)) folder = this.ensureFolder(folder, name, by, now);
      const name = segments[segments.length - 1]!;
      const existing = this.child(folder, name);
      if (existing && existing.is_folder) throw new GraphError(409, 'nameAlreadyExists', `A folder named '${name}' already exists here.`);
      if (existing && conflict === 'fail') throw new GraphError(409, 'nameAlreadyExists', 'The specified item name already exists.');
      if (existing && conflict === 'replace') {
        prepareCached(this.db, 'UPDATE drive_items SET content = ?, size = ?, version = version + 1, modified = ?, modified_by = ? WHERE seq = ?')
          .run(content, content.length, now, JSON.stringify(by), existing.seq);
        return { row: this.bySeq(existing.seq), created: false };
      }
      const finalName = existing ? this.freeName(folder, name) : name;
      return { row: this.insert(folder, finalName, false, content, by, now), created: true };
    })();
  }

  createFolder(parent: DriveRow, name: string, conflict: ConflictBehavior, by: Actor, now: string): DriveRow {
    checkItemName(name);
    return this.db.transaction(() => {
      const existing = this.child(parent, name);
      if (existing && conflict === 'fail') throw new GraphError(409, 'nameAlreadyExists', 'The specified item name already exists.');
      if (existing && conflict === 'replace') this.remove(existing);
      const finalName = existing && conflict === 'rename' ? this.freeName(parent, name) : name;
      return this.insert(parent, finalName, true, null, by, now);
    })();
  }

  /** Merges library column values into the item's fields (null clears one); a new version, as any write. */
  setFields(row: DriveRow, values: Readonly<Record<string, string | number | boolean | null>>, by: Actor, now: string): DriveRow {
    return this.db.transaction(() => {
      const current = this.bySeq(row.seq);
      const merged: Record<string, unknown> = { ...(JSON.parse(current.fields) as Record<string, unknown>) };
      for (const [name, value] of Object.entries(values)) {
        if (value === null) delete merged[name];
        else merged[name] = value;
      }
      prepareCached(this.db, 'UPDATE drive_items SET fields = ?, version = version + 1, modified = ?, modified_by = ? WHERE seq = ?')
        .run(JSON.stringify(merged), now, JSON.stringify(by), row.seq);
      return this.bySeq(row.seq);
    })();
  }

  /** Deletes a file, or a folder with everything in it. The root cannot be deleted. */
  remove(row: DriveRow): void {
    if (row.parent_seq === null) throw new GraphError(403, 'accessDenied', 'The root of a document library cannot be deleted.');
    prepareCached(this.db, 'DELETE FROM drive_items WHERE seq = ?').run(row.seq);
  }

  private ensureFolder(parent: DriveRow, name: string, by: Actor, now: string): DriveRow {
    const existing = this.child(parent, name);
    if (existing && !existing.is_folder) throw new GraphError(409, 'nameAlreadyExists', `'${name}' is a file, not a folder.`);
    return existing ?? this.insert(parent, name, true, null, by, now);
  }

  private freeName(folder: DriveRow, name: string): string {
    for (let n = 1; ; n += 1) {
      const candidate = renamed(name, n);
      if (!this.child(folder, candidate)) return candidate;
    }
  }

  private insert(parent: DriveRow, name: string, folder: boolean, content: Buffer | null, by: Actor, now: string): DriveRow {
    const actor = JSON.stringify(by);
    const info = prepareCached(this.db, `INSERT INTO drive_items (id, parent_seq, name, is_folder, size, mime, content, guid, version, created, modified, created_by, modified_by)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`)
      .run(newItemId(), parent.seq, name, folder ? 1 : 0, content?.length ?? 0, folder ? null : mimeTypeOf(name), content, randomUUID(), now, now, actor, actor);
    return this.bySeq(Number(info.lastInsertRowid));
  }
}
