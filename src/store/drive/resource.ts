// The drive and driveItem resources as Graph returns them, and pre-authenticated download URLs.
// https://learn.microsoft.com/en-us/graph/api/resources/drive, https://learn.microsoft.com/en-us/graph/api/resources/driveitem
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Actor } from '../lists/catalog';
import type { Site } from '../sites/site';
import type { DriveRepository, DriveRow } from './repository';

/** Download URLs last an hour, as Graph's @microsoft.graph.downloadUrl does. */
const DOWNLOAD_LIFETIME_MS = 3_600_000;
export const DOWNLOAD_PATH = '/_layouts/15/download.aspx';

export class DownloadTokens {
  private readonly secret = randomBytes(32);

  constructor(private readonly now: () => number) {}

  sign(row: DriveRow): string {
    const expires = this.now() + DOWNLOAD_LIFETIME_MS;
    return `${expires}.${this.mac(row.id, row.version, expires)}`;
  }

  /** Whether a token is still good for this version of the file (a replaced file needs a new URL). */
  verify(row: DriveRow, token: string): boolean {
    const [expiresText, mac] = token.split('.', 2);
    const expires = Number(expiresText);
    if (!mac || !Number.isFinite(expires) || expires < this.now()) return false;
    const expected = Buffer.from(this.mac(row.id, row.version, expires));
    const given = Buffer.from(mac);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private mac(id: string, version: number, expires: number): string {
    return createHmac('sha256', this.secret).update(`${id}:${version}:${expires}`).digest('base64url');
  }
}

export function driveResource(site: Site, drive: DriveRepository, origin: string): object {
  const root = drive.root();
  return {
    '@odata.context': `${origin}/v1.0/$metadata#drives/$entity`,
    id: drive.driveId,
    driveType: 'documentLibrary',
    name: 'Documents',
    description: '',
    createdDateTime: root.created,
    lastModifiedDateTime: root.modified,
    webUrl: `${site.webUrl}/Shared%20Documents`,
    owner: { group: { displayName: site.displayName } },
    quota: { deleted: 0, remaining: 27_487_790_694_400, state: 'normal', total: 27_487_790_694_400, used: 0 },
  };
}

export interface ItemContext {
  readonly site: Site;
  readonly drive: DriveRepository;
  readonly tokens: DownloadTokens;
  readonly origin: string;
}

function identitySet(json: string): object {
  const actor = JSON.parse(json) as Partial<Actor>;
  return actor.kind ? { [actor.kind]: { id: actor.id, displayName: actor.displayName } } : {};
}

/** The file's listItem in its library: its library columns under fields (FileLeafRef is the file name). */
export function listItemResource(row: DriveRow): Record<string, unknown> {
  const etag = `"${row.guid},${row.version}"`;
  return {
    '@odata.etag': etag,
    id: String(row.seq),
    eTag: etag,
    createdDateTime: row.created,
    lastModifiedDateTime: row.modified,
    contentType: { id: row.is_folder ? '0x0120' : '0x0101', name: row.is_folder ? 'Folder' : 'Document' },
    fields: { '@odata.etag': etag, id: String(row.seq), FileLeafRef: row.name, ContentType: row.is_folder ? 'Folder' : 'Document', ...(JSON.parse(row.fields) as Record<string, unknown>) },
  };
}

export function driveItemResource(ctx: ItemContext, row: DriveRow, expandListItem = false): Record<string, unknown> {
  const path = ctx.drive.pathOf(row);
  const isRoot = row.parent_seq === null;
  const parentPath = path.slice(0, -1).map(encodeURIComponent).join('/');
  const resource: Record<string, unknown> = {
    '@odata.etag': `"{${row.guid.toUpperCase()}},${row.version}"`,
    id: row.id,
    name: row.name,
    eTag: `"{${row.guid.toUpperCase()}},${row.version}"`,
    cTag: `"c:{${row.guid.toUpperCase()}},${row.version}"`,
    createdDateTime: row.created,
    lastModifiedDateTime: row.modified,
    size: row.size,
    webUrl: `${ctx.site.webUrl}/Shared%20Documents${path.map((p) => `/${encodeURIComponent(p)}`).join('')}`,
    createdBy: identitySet(row.created_by),
    lastModifiedBy: identitySet(row.modified_by),
    parentReference: isRoot
      ? { driveType: 'documentLibrary', driveId: ctx.drive.driveId, siteId: ctx.site.id }
      : {
        driveType: 'documentLibrary', driveId: ctx.drive.driveId, siteId: ctx.site.id,
        id: ctx.drive.bySeq(row.parent_seq!).id,
        path: `/drives/${ctx.drive.driveId}/root:${parentPath ? `/${parentPath}` : ''}`,
      },
  };
  if (isRoot) resource.root = {};
  if (row.is_folder) {
    resource.folder = { childCount: ctx.drive.childCount(row) };
  } else {
    resource.file = { mimeType: row.mime ?? 'application/octet-stream' };
    resource['@microsoft.graph.downloadUrl'] = downloadUrl(ctx, row);
  }
  if (expandListItem && !isRoot) resource.listItem = listItemResource(row);
  return resource;
}

export function downloadUrl(ctx: ItemContext, row: DriveRow): string {
  return `${ctx.origin}${DOWNLOAD_PATH}?UniqueId=${row.id}&tempauth=${encodeURIComponent(ctx.tokens.sign(row))}`;
}
