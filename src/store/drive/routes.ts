// The site's document library over Graph's drive API. Uploads are the simple kind (PUT .../content), which Graph
// allows up to 250 MB: https://learn.microsoft.com/en-us/graph/api/driveitem-put-content
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../http/auth';
import { badRequest, GraphError } from '../http/errors';
import { nextLink, option, refuseUnsupported, type Query } from '../http/params';
import { requestOrigin } from '../http/request-context';
import { parseTop } from '../odata/query-options';
import { resolveSiteId, type Site } from '../sites/site';
import { conflictBehavior, encodedRest, parseDriveAddress, type DriveAddress } from './address';
import type { DriveRepository, DriveRow } from './repository';
import { downloadUrl, driveItemResource, driveResource, listItemResource, type DownloadTokens, type ItemContext } from './resource';

/** Graph's limit for a simple upload: https://learn.microsoft.com/en-us/graph/api/driveitem-put-content */
export const SIMPLE_UPLOAD_LIMIT = 250 * 1024 * 1024;

export interface DriveDeps {
  readonly site: Site;
  readonly drive: DriveRepository;
  readonly tokens: DownloadTokens;
  readonly now: () => string;
}

type Rest = { '*': string };

export function registerDriveRoutes(app: FastifyInstance, deps: DriveDeps): void {
  // Uploads are raw bytes whatever their Content-Type (a .json file must not be parsed).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: SIMPLE_UPLOAD_LIMIT }, (_request, body, done) => done(null, body));

  const item = (request: FastifyRequest): ItemContext => ({ site: deps.site, drive: deps.drive, tokens: deps.tokens, origin: requestOrigin(request) });
  const checkDrive = (driveId: string): void => {
    if (driveId !== deps.drive.driveId) throw new GraphError(404, 'itemNotFound', `The drive '${driveId}' was not found.`);
  };

  app.get<{ Params: { siteId: string } }>('/sites/:siteId/drive', async (request) => {
    resolveSiteId(deps.site, request.params.siteId);
    return driveResource(deps.site, deps.drive, requestOrigin(request));
  });
  app.get<{ Params: { siteId: string } }>('/sites/:siteId/drives', async (request) => {
    resolveSiteId(deps.site, request.params.siteId);
    return { value: [driveResource(deps.site, deps.drive, requestOrigin(request))] };
  });
  app.get<{ Params: { driveId: string } }>('/drives/:driveId', async (request) => {
    checkDrive(request.params.driveId);
    return driveResource(deps.site, deps.drive, requestOrigin(request));
  });

  const handle = (request: FastifyRequest<{ Params: Rest; Querystring: Query; Body: unknown }>, reply: FastifyReply) =>
    serve(deps, item(request), request, reply, parseDriveAddress(encodedRest(request.url)));
  for (const method of ['GET', 'PUT', 'POST', 'PATCH', 'DELETE'] as const) {
    app.route<{ Params: Rest & { driveId: string }; Querystring: Query; Body: unknown }>({
      method, url: '/drives/:driveId/*', bodyLimit: SIMPLE_UPLOAD_LIMIT,
      handler: async (request, reply) => {
        checkDrive(request.params.driveId);
        return handle(request, reply);
      },
    });
    app.route<{ Params: Rest & { siteId: string }; Querystring: Query; Body: unknown }>({
      method, url: '/sites/:siteId/drive/*', bodyLimit: SIMPLE_UPLOAD_LIMIT,
      handler: async (request, reply) => {
        resolveSiteId(deps.site, request.params.siteId);
        return handle(request, reply);
      },
    });
  }
}

async function serve(deps: DriveDeps, ctx: ItemContext, request: FastifyRequest<{ Querystring: Query; Body: unknown }>, reply: FastifyReply, address: DriveAddress): Promise<unknown> {
  const drive = deps.drive;
  const start = address.base === 'root' ? drive.root() : drive.byId(address.base.id);
  const method = request.method;
  if (method === 'PUT') {
    if (address.action !== 'content') throw badRequest('Only .../content can be written with PUT.');
    const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const conflict = conflictBehavior(request.query, 'replace');
    const { row, created } = address.segments.length > 0
      ? drive.upload(start, address.segments, bytes, conflict, actorOf(request), deps.now())
      : replaceFile(drive, start, bytes, request, deps.now());
    return reply.code(created ? 201 : 200).send(driveItemResource(ctx, row));
  }
  const target = drive.byPath(start, address.segments);
  if (address.action === 'listItem' || address.action === 'fields') return listItemRoute(deps, request, target, address.action);
  if (method === 'DELETE') {
    if (address.action !== 'item') throw badRequest('DELETE addresses an item, not its children or content.');
    drive.remove(target);
    return reply.code(204).send();
  }
  if (method === 'POST') {
    if (address.action !== 'children') throw badRequest('POST creates a folder under .../children.');
    return reply.code(201).send(driveItemResource(ctx, createFolder(drive, target, request, deps.now())));
  }
  const expand = expandsListItem(option(request.query, 'expand'));
  if (address.action === 'item') return driveItemResource(ctx, target, expand);
  if (address.action === 'content') {
    if (target.is_folder) throw badRequest(`'${target.name}' is a folder; only files have content.`);
    // Graph answers with a redirect to a short-lived pre-authenticated URL.
    return reply.code(302).header('Location', downloadUrl(ctx, target)).send();
  }
  refuseUnsupported(request.query, ['top', 'skiptoken', 'select', 'expand']);
  const top = parseTopOr400(option(request.query, 'top'));
  const after = option(request.query, 'skiptoken');
  const rows = drive.children(target, top + 1, after === undefined ? undefined : decodeName(after));
  const page = rows.slice(0, top);
  const last = page[page.length - 1];
  return {
    value: page.map((row) => driveItemResource(ctx, row, expand)),
    ...(rows.length > top && last ? { '@odata.nextLink': nextLink(request, ctx.origin, Buffer.from(last.name).toString('base64url')) } : {}),
  };
}

/** GET .../listItem, GET and PATCH .../listItem/fields: a file's library columns. */
function listItemRoute(deps: DriveDeps, request: FastifyRequest<{ Querystring: Query; Body: unknown }>, target: DriveRow, action: 'listItem' | 'fields'): unknown {
  if (target.parent_seq === null) throw badRequest('The root of a library has no listItem.');
  if (request.method === 'GET') {
    const item = listItemResource(target);
    return action === 'fields' ? item.fields : item;
  }
  if (request.method !== 'PATCH' || action !== 'fields') throw badRequest('Library columns are written with PATCH .../listItem/fields.');
  const body = jsonBody(request);
  const values: Record<string, string | number | boolean | null> = {};
  for (const [name, value] of Object.entries(body)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name) || ['id', 'FileLeafRef', 'ContentType'].includes(name)) throw badRequest(`Field '${name}' cannot be written.`);
    const ok = value === null || typeof value === 'number' || typeof value === 'boolean' || (typeof value === 'string' && value.length <= 255);
    if (!ok) throw badRequest(`Invalid value for field '${name}': a string of at most 255 characters, a number, true/false or null.`);
    values[name] = value as string | number | boolean | null;
  }
  return listItemResource(deps.drive.setFields(target, values, actorOf(request), deps.now())).fields;
}

function expandsListItem(expand: string | undefined): boolean {
  if (expand === undefined) return false;
  if (/^listItem(\((\$?expand=fields)\))?$/.test(expand.trim())) return true;
  throw badRequest(`$expand on a drive item supports listItem or listItem($expand=fields) here, found '${expand}'.`);
}

function jsonBody(request: FastifyRequest<{ Body: unknown }>): Record<string, unknown> {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.isBuffer(request.body) ? request.body.toString('utf8') : '{}');
  } catch {
    throw badRequest('The request body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('The request body must be a JSON object.');
  return body as Record<string, unknown>;
}

function replaceFile(drive: DriveRepository, file: DriveRow, bytes: Buffer, request: FastifyRequest, now: string): { row: DriveRow; created: boolean } {
  if (file.is_folder) throw badRequest(`'${file.name}' is a folder; upload to .../items/{folder-id}:/{file name}:/content instead.`);
  if (file.parent_seq === null) throw badRequest('The root cannot be replaced.');
  return drive.upload(drive.bySeq(file.parent_seq), [file.name], bytes, 'replace', actorOf(request), now);
}

function createFolder(drive: DriveRepository, parent: DriveRow, request: FastifyRequest<{ Querystring: Query; Body: unknown }>, now: string): DriveRow {
  const body = jsonBody(request);
  if (typeof body.name !== 'string' || typeof body.folder !== 'object' || body.folder === null) throw badRequest('Create a folder with {"name": "...", "folder": {}}.');
  const fromBody = body['@microsoft.graph.conflictBehavior'];
  const conflict = conflictBehavior(fromBody === undefined ? request.query : { '@microsoft.graph.conflictBehavior': fromBody }, 'fail');
  return drive.createFolder(parent, body.name, conflict, actorOf(request), now);
}

function parseTopOr400(text: string | undefined): number {
  try {
    return parseTop(text);
  } catch (error) {
    throw badRequest((error as Error).message);
  }
}

function decodeName(token: string): string {
  return Buffer.from(token, 'base64url').toString('utf8');
}
