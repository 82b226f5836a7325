// Lists and columns. https://learn.microsoft.com/en-us/graph/api/list-create, list-get, list-list,
// list-list-columns, list-post-columns
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { StoreContext } from '../context';
import { actorOf } from '../http/auth';
import { badRequest } from '../http/errors';
import { option, refuseUnsupported, type Query } from '../http/params';
import { requestOrigin } from '../http/request-context';
import { resolveSiteId } from '../sites/site';
import type { ListMeta } from './catalog';
import { columnResource, parseColumnInput, systemColumns } from './columns';

type SiteParams = { siteId: string };
type ListParams = SiteParams & { listRef: string };

const DISPLAY_NAME_FILTER = /^\s*displayName\s+eq\s+'((?:[^']|'')*)'\s*$/;

export function registerListRoutes(app: FastifyInstance, ctx: StoreContext): void {
  const nowText = (): string => ctx.now().toISOString().slice(0, 19) + 'Z';
  const listOf = (request: FastifyRequest<{ Params: ListParams }>): ListMeta => {
    resolveSiteId(ctx.site, request.params.siteId);
    return ctx.catalog.resolve(request.params.listRef);
  };
  const context = (request: FastifyRequest, suffix: string): string => `${requestOrigin(request)}/v1.0/$metadata#sites('${ctx.site.id}')/${suffix}`;

  app.get<{ Params: SiteParams; Querystring: Query }>('/sites/:siteId/lists', async (request) => {
    resolveSiteId(ctx.site, request.params.siteId);
    refuseUnsupported(request.query, ['filter', 'select', 'expand', 'top']);
    const filter = option(request.query, 'filter');
    let lists = ctx.catalog.all();
    if (filter !== undefined) {
      const match = DISPLAY_NAME_FILTER.exec(filter);
      if (!match) throw badRequest(`Invalid filter clause: lists can be filtered only with displayName eq '<name>', found '${filter}'.`);
      const wanted = match[1]!.replace(/''/g, "'");
      lists = lists.filter((l) => l.displayName === wanted);
    }
    const withColumns = expandsColumns(option(request.query, 'expand'));
    return { '@odata.context': context(request, 'lists'), value: lists.map((l) => listResource(ctx, l, withColumns)) };
  });

  app.get<{ Params: ListParams; Querystring: Query }>('/sites/:siteId/lists/:listRef', async (request) => {
    refuseUnsupported(request.query, ['select', 'expand']);
    const list = listOf(request);
    return { '@odata.context': context(request, 'lists/$entity'), ...listResource(ctx, list, expandsColumns(option(request.query, 'expand'))) };
  });

  app.post<{ Params: SiteParams; Body: unknown }>('/sites/:siteId/lists', async (request, reply) => {
    resolveSiteId(ctx.site, request.params.siteId);
    const body = request.body as Record<string, unknown> | null;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('The request body must be a list JSON object.');
    const displayName = body.displayName;
    if (typeof displayName !== 'string' || displayName.trim() === '' || displayName.length > 255) throw badRequest('displayName is required (1 to 255 characters).');
    const template = (body.list as { template?: unknown } | undefined)?.template ?? 'genericList';
    if (template !== 'genericList') throw badRequest(`List template '${String(template)}' is not supported by the local store; use genericList.`);
    const columnsInput = body.columns ?? [];
    if (!Array.isArray(columnsInput)) throw badRequest('columns must be an array of columnDefinition objects.');
    const list = ctx.catalog.create({
      displayName,
      ...(typeof body.description === 'string' ? { description: body.description } : {}),
      template,
      columns: columnsInput.map(parseColumnInput),
    }, actorOf(request), nowText());
    reply.code(201).header('Location', `${requestOrigin(request)}/v1.0/sites/${ctx.site.id}/lists/${list.id}`);
    return { '@odata.context': context(request, 'lists/$entity'), ...listResource(ctx, list, false) };
  });

  app.get<{ Params: ListParams }>('/sites/:siteId/lists/:listRef/columns', async (request) => {
    const list = listOf(request);
    return { '@odata.context': context(request, `lists('${list.id}')/columns`), value: allColumns(list).map(columnResource) };
  });

  app.post<{ Params: ListParams; Body: unknown }>('/sites/:siteId/lists/:listRef/columns', async (request, reply) => {
    const list = listOf(request);
    const column = parseColumnInput(request.body);
    ctx.catalog.addColumn(list, column, nowText());
    reply.code(201);
    return { '@odata.context': context(request, `lists('${list.id}')/columns/$entity`), ...columnResource(column) };
  });
}

function expandsColumns(expand: string | undefined): boolean {
  if (expand === undefined) return false;
  if (expand.trim() === 'columns') return true;
  throw badRequest(`$expand on a list supports only 'columns', found '${expand}'.`);
}

function allColumns(list: ListMeta): ListMeta['columns'] {
  return [...systemColumns(), ...list.columns];
}

function listResource(ctx: StoreContext, list: ListMeta, withColumns: boolean): object {
  const etag = `"${list.id},1"`;
  return {
    '@odata.etag': etag,
    createdDateTime: list.created,
    description: list.description,
    eTag: etag,
    id: list.id,
    lastModifiedDateTime: list.modified,
    name: list.name,
    webUrl: `${ctx.site.webUrl}/Lists/${list.name}`,
    displayName: list.displayName,
    createdBy: { [list.createdBy.kind]: { id: list.createdBy.id, displayName: list.createdBy.displayName } },
    parentReference: { siteId: ctx.site.id },
    list: { contentTypesEnabled: false, hidden: false, template: list.template },
    ...(withColumns ? { columns: allColumns(list).map(columnResource) } : {}),
  };
}
