// List item routes. https://learn.microsoft.com/en-us/graph/api/listitem-list (and -get, -create, -update, -delete)
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { StoreContext } from '../context';
import { badRequest } from '../http/errors';
import { nextLink, option, refuseUnsupported, type Query } from '../http/params';
import { headerValue, requestOrigin } from '../http/request-context';
import { actorOf } from '../http/auth';
import { ODataSyntaxError } from '../odata/lexer';
import { parseFilter } from '../odata/filter-parser';
import { parseItemsExpand, parseOrderBy, parseSelect, parseTop } from '../odata/query-options';
import { resolveSiteId } from '../sites/site';
import { queryItems } from './query';
import { checkItemSelect, checkSelect, etagOf, fieldsOf, itemResource, selectItemProperties, type ItemView } from './resource';
import { hasPreferNonIndexed } from './threshold';

type ListParams = { siteId: string; listRef: string };
type ItemParams = ListParams & { itemId: string };

const BODY_LIMIT = 4 * 1024 * 1024;
const nowText = (ctx: StoreContext): string => ctx.now().toISOString().slice(0, 19) + 'Z';

export function registerItemRoutes(app: FastifyInstance, ctx: StoreContext): void {
  const listOf = (request: FastifyRequest<{ Params: ListParams }>) => {
    resolveSiteId(ctx.site, request.params.siteId);
    return ctx.catalog.resolve(request.params.listRef);
  };
  const view = (request: FastifyRequest<{ Params: ListParams }>, fields: boolean, select?: readonly string[]): ItemView => ({
    site: ctx.site, list: listOf(request), origin: requestOrigin(request), fields, ...(select ? { select } : {}),
  });

  app.get<{ Params: ListParams; Querystring: Query }>('/sites/:siteId/lists/:listRef/items', async (request) => {
    const list = listOf(request);
    const query = request.query;
    refuseUnsupported(query, ['filter', 'orderby', 'top', 'expand', 'skiptoken', 'select']);
    const filterText = option(query, 'filter');
    const orderByText = option(query, 'orderby');
    const parsed = {
      filter: filterText === undefined ? undefined : withSyntax('Invalid filter clause', () => parseFilter(filterText)),
      orderBy: orderByText === undefined ? [] : withSyntax('Invalid $orderby', () => parseOrderBy(orderByText)),
      expand: withSyntax('Invalid $expand', () => parseItemsExpand(option(query, 'expand'))),
      select: withSyntax('Invalid $select', () => parseSelect(option(query, 'select'))),
    };
    checkItemSelect(parsed.select);
    let top: number;
    try {
      top = parseTop(option(query, 'top'));
    } catch (error) {
      throw badRequest((error as Error).message);
    }
    checkSelect(list, parsed.expand.select);
    const skiptoken = option(query, 'skiptoken');
    const page = queryItems(ctx.db, list, ctx.catalog.itemCount(list), {
      ...(filterText !== undefined ? { filterText, filter: parsed.filter } : {}),
      ...(orderByText !== undefined ? { orderByText } : {}),
      ...(skiptoken !== undefined ? { skiptoken } : {}),
      orderBy: parsed.orderBy, top,
      preferNonIndexed: hasPreferNonIndexed(headerValue(request, 'prefer')),
    }, { retryAfterSeconds: ctx.thresholdRetryAfterSeconds, siteTimeZone: ctx.site.timeZone });
    const origin = requestOrigin(request);
    const itemView = view(request, parsed.expand.fields, parsed.expand.select);
    return {
      '@odata.context': `${origin}/v1.0/$metadata#sites('${ctx.site.id}')/lists('${list.id}')/items`,
      ...(page.skiptoken ? { '@odata.nextLink': nextLink(request, origin, page.skiptoken) } : {}),
      value: page.rows.map((row) => selectItemProperties(itemResource(itemView, row), parsed.select)),
    };
  });

  app.get<{ Params: ItemParams; Querystring: Query }>('/sites/:siteId/lists/:listRef/items/:itemId', async (request, reply) => {
    refuseUnsupported(request.query, ['expand', 'select']);
    const expand = withSyntax('Invalid $expand', () => parseItemsExpand(option(request.query, 'expand')));
    const select = withSyntax('Invalid $select', () => parseSelect(option(request.query, 'select')));
    checkItemSelect(select);
    const itemView = view(request, expand.fields, expand.select);
    checkSelect(itemView.list, expand.select);
    const row = ctx.items.get(itemView.list, request.params.itemId);
    reply.header('ETag', etagOf(row));
    return selectItemProperties(itemResource(itemView, row), select);
  });

  app.get<{ Params: ItemParams }>('/sites/:siteId/lists/:listRef/items/:itemId/fields', async (request, reply) => {
    const list = listOf(request);
    const row = ctx.items.get(list, request.params.itemId);
    reply.header('ETag', etagOf(row));
    return fieldsOf(list, row);
  });

  app.post<{ Params: ListParams; Body: unknown }>('/sites/:siteId/lists/:listRef/items', { bodyLimit: BODY_LIMIT }, async (request, reply) => {
    const list = listOf(request);
    const row = ctx.items.create(list, fieldsFromItemBody(request.body), actorOf(request), nowText(ctx));
    ctx.afterWrite();
    reply.code(201).header('ETag', etagOf(row));
    return itemResource(view(request, true), row);
  });

  app.patch<{ Params: ItemParams; Body: unknown }>('/sites/:siteId/lists/:listRef/items/:itemId/fields', { bodyLimit: BODY_LIMIT }, async (request, reply) => {
    const list = listOf(request);
    const body = request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('The request body must be a fieldValueSet (a JSON object of field values).');
    const row = ctx.items.update(list, request.params.itemId, body as Record<string, unknown>, headerValue(request, 'if-match'), actorOf(request), nowText(ctx));
    ctx.afterWrite();
    reply.header('ETag', etagOf(row));
    return { '@odata.context': `${requestOrigin(request)}/v1.0/$metadata#sites('${ctx.site.id}')/lists('${list.id}')/items('${row.id}')/fields/$entity`, ...fieldsOf(list, row) };
  });

  app.patch<{ Params: ItemParams; Body: unknown }>('/sites/:siteId/lists/:listRef/items/:itemId', { bodyLimit: BODY_LIMIT }, async (request, reply) => {
    const list = listOf(request);
    const row = ctx.items.update(list, request.params.itemId, fieldsFromItemBody(request.body), headerValue(request, 'if-match'), actorOf(request), nowText(ctx));
    ctx.afterWrite();
    reply.header('ETag', etagOf(row));
    return itemResource(view(request, true), row);
  });

  app.delete<{ Params: ItemParams }>('/sites/:siteId/lists/:listRef/items/:itemId', async (request, reply) => {
    const list = listOf(request);
    ctx.items.delete(list, request.params.itemId, headerValue(request, 'if-match'));
    ctx.afterWrite();
    return reply.code(204).send();
  });
}

/** A listItem body: {"fields": {...}}; other listItem properties cannot be written here. */
function fieldsFromItemBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('The request body must be a listItem JSON object, e.g. {"fields": {"Title": "..."}}.');
  for (const key of Object.keys(body)) {
    if (key !== 'fields' && !key.startsWith('@odata.')) throw badRequest(`Property '${key}' of listItem cannot be written by the local store; write columns under "fields".`);
  }
  const fields = (body as { fields?: unknown }).fields ?? {};
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) throw badRequest('"fields" must be a JSON object of field values.');
  return fields as Record<string, unknown>;
}

function withSyntax<T>(what: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof ODataSyntaxError) throw badRequest(`${what}: ${error.detail} at position ${error.position}.`);
    throw error;
  }
}
