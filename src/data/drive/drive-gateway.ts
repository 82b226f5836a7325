// Files in the site's document library (Graph list items have no attachments: TOOLCHAIN.md). Simple uploads only,
// which Graph takes up to 250 MB: https://learn.microsoft.com/en-us/graph/api/driveitem-put-content
import { ConflictError, NotFoundError } from '../errors';
import type { GraphHttp } from '../http/graph-http';
import { segment } from '../http/path';

export const SIMPLE_UPLOAD_LIMIT = 250 * 1024 * 1024;

export interface DriveFile {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  readonly mimeType: string;
  readonly etag: string;
  readonly createdAt: string;
  readonly modifiedAt: string;
  readonly webUrl: string;
  /** The folder it is in, from the library's root, e.g. "INC-24919" ("" at the root). */
  readonly folderPath: string;
  /** Its library columns (listItem fields) when they were asked for; empty otherwise. */
  readonly fields: Readonly<Record<string, unknown>>;
}

export type FieldScalar = string | number | boolean | null;

export type ConflictBehavior = 'fail' | 'replace' | 'rename';

interface RawItem {
  readonly id?: string;
  readonly name?: string;
  readonly size?: number;
  readonly eTag?: string;
  readonly createdDateTime?: string;
  readonly lastModifiedDateTime?: string;
  readonly webUrl?: string;
  readonly file?: { readonly mimeType?: string };
  readonly folder?: object;
  readonly parentReference?: { readonly path?: string };
  readonly listItem?: { readonly fields?: Record<string, unknown> };
}

const WITH_FIELDS = { $expand: 'listItem($expand=fields)' } as const;

type Children = { readonly value?: RawItem[]; readonly '@odata.nextLink'?: string };

const MAX_CHILD_PAGES = 50;

export class DriveGateway {
  private driveIdCache: Promise<string> | undefined;

  constructor(
    private readonly http: GraphHttp,
    readonly siteId: string,
  ) {}

  /** The site's default document library. */
  driveId(): Promise<string> {
    this.driveIdCache ??= this.http.get<{ id?: string }>(`/sites/${segment(this.siteId)}/drive`).then((a) => {
      if (!a.body?.id) throw new Error(`The site ${this.siteId} answered its drive without an id`);
      return a.body.id;
    });
    return this.driveIdCache;
  }

  /** PUT .../root:/{folder}/{name}:/content; missing folders are made by Graph. */
  async upload(folderPath: string, name: string, content: Buffer, conflict: ConflictBehavior = 'fail'): Promise<DriveFile> {
    if (content.length > SIMPLE_UPLOAD_LIMIT) throw new RangeError(`'${name}' is ${content.length} bytes; a simple upload takes at most ${SIMPLE_UPLOAD_LIMIT} bytes (250 MB)`);
    const answer = await this.http.put<RawItem>(`${await this.pathOf(folderPath, name)}:/content`, content, {
      query: { '@microsoft.graph.conflictBehavior': conflict },
      headers: { 'Content-Type': 'application/octet-stream' },
    });
    return toFile(answer.body);
  }

  /**
   * Uploads under a name no other file in the folder has: "report.pdf", else "report (2).pdf", ... A PUT retried
   * after a lost answer meets its own first try as a clash; a file of that name and size is taken to be it.
   */
  async uploadUnique(folderPath: string, name: string, content: Buffer): Promise<DriveFile> {
    const taken = new Set((await this.list(folderPath)).map((f) => f.name.toLowerCase()));
    for (let n = 1; n <= 100; n += 1) {
      const candidate = n === 1 ? name : numbered(name, n);
      if (taken.has(candidate.toLowerCase())) continue;
      try {
        return await this.upload(folderPath, candidate, content, 'fail');
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        // The name was free when listed: a file there now of our size is our own earlier, retried PUT.
        const existing = await this.getByPath(folderPath, candidate);
        if (existing && existing.size === content.length) return existing;
        taken.add(candidate.toLowerCase());
      }
    }
    throw new Error(`No free name for '${name}' in '${folderPath}' after 100 tries`);
  }

  /** Files directly in a folder, by name; an empty list when the folder does not exist. */
  async list(folderPath: string): Promise<DriveFile[]> {
    const files: DriveFile[] = [];
    let answer: { readonly body: Children | undefined };
    try {
      answer = await this.http.get<Children>(`${await this.folderPathOf(folderPath)}:/children`, { query: { $top: 200, ...WITH_FIELDS } });
    } catch (error) {
      if (error instanceof NotFoundError) return [];
      throw error;
    }
    for (let page = 1; ; page += 1) {
      files.push(...(answer.body?.value ?? []).filter((i) => i.file !== undefined).map(toFile));
      const next: string | undefined = answer.body?.['@odata.nextLink'];
      if (!next) return files;
      if (page >= MAX_CHILD_PAGES) throw new Error(`The folder '${folderPath}' has more than ${MAX_CHILD_PAGES * 200} items; refusing to read on`);
      answer = await this.http.getNextLink<Children>(next);
    }
  }

  /** A file by id, with its library columns; NotFoundError when there is none (or it is a folder). */
  async get(itemId: string): Promise<DriveFile> {
    const path = `/drives/${segment(await this.driveId())}/items/${segment(itemId)}`;
    const raw = (await this.http.get<RawItem>(path, { query: WITH_FIELDS })).body;
    if (raw?.folder) throw new NotFoundError({ status: 404, code: 'itemNotFound', message: `'${raw.name ?? itemId}' is a folder, not a file`, method: 'GET', path });
    return toFile(raw);
  }

  /** Sets library columns of a file (PATCH .../listItem/fields); null clears one. */
  async setFields(itemId: string, fields: Readonly<Record<string, FieldScalar>>): Promise<Readonly<Record<string, unknown>>> {
    const answer = await this.http.patch<Record<string, unknown>>(`/drives/${segment(await this.driveId())}/items/${segment(itemId)}/listItem/fields`, fields);
    return answer.body ?? {};
  }

  async getByPath(folderPath: string, name: string): Promise<DriveFile | null> {
    try {
      return toFile((await this.http.get<RawItem>(await this.pathOf(folderPath, name))).body);
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }

  /** The file's bytes (Graph redirects to a pre-authenticated download URL, which is followed). */
  async download(itemId: string): Promise<Buffer> {
    return (await this.http.getBytes(`/drives/${segment(await this.driveId())}/items/${segment(itemId)}/content`)).body;
  }

  async delete(itemId: string): Promise<void> {
    await this.http.delete(`/drives/${segment(await this.driveId())}/items/${segment(itemId)}`);
  }

  private async folderPathOf(folderPath: string): Promise<string> {
    const parts = splitPath(folderPath);
    return `/drives/${segment(await this.driveId())}/root${parts.length ? `:/${parts.map(encodeURIComponent).join('/')}` : ''}`;
  }

  private async pathOf(folderPath: string, name: string): Promise<string> {
    const parts = [...splitPath(folderPath), name];
    return `/drives/${segment(await this.driveId())}/root:/${parts.map(encodeURIComponent).join('/')}`;
  }
}

function splitPath(folderPath: string): string[] {
  const parts = folderPath.split('/').filter((p) => p !== '');
  if (parts.some((p) => p === '.' || p === '..')) throw new Error(`A folder path cannot contain . or ..: ${folderPath}`);
  return parts;
}

/** "report.pdf" -> "report (2).pdf". */
export function numbered(name: string, n: number): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)} (${n})${name.slice(dot)}` : `${name} (${n})`;
}

function toFile(raw: RawItem | undefined): DriveFile {
  if (!raw?.id || !raw.name || raw.folder) throw new Error(`Graph answered a drive item that is not a file: ${JSON.stringify(raw).slice(0, 200)}`);
  return {
    id: raw.id, name: raw.name, size: raw.size ?? 0, mimeType: raw.file?.mimeType ?? 'application/octet-stream', etag: raw.eTag ?? '',
    createdAt: raw.createdDateTime ?? '', modifiedAt: raw.lastModifiedDateTime ?? '', webUrl: raw.webUrl ?? '',
    folderPath: folderOf(raw.parentReference?.path), fields: raw.listItem?.fields ?? {},
  };
}

/** "/drives/{id}/root:/INC-1" -> "INC-1"; the root -> "". */
function folderOf(path: string | undefined): string {
  const at = path?.indexOf('root:') ?? -1;
  if (path === undefined || at < 0) return '';
  return path.slice(at + 5).split('/').filter((p) => p !== '').map(decodeURIComponent).join('/');
}
