// List items on one site: read, query and page, and conditional writes with ETags.
import type { ListSchema } from '../../../sharepoint-lists/schema';
import { GraphRequestError } from '../errors';
import type { GraphHttp } from '../http/graph-http';
import { segment } from '../http/path';
import type { RetryPolicy } from '../http/retry-policy';
import type { FieldValues } from '../mappers/fields';
import type { Filter, OrderBy } from '../odata';
import { answerLost, createMany, createOnce, keysFilter, type CreateDeps, type CreateResult, type IdempotencyKey } from './create-items';
import { ensureColumns, ensureList, resolveListIds, type EnsuredList } from './list-admin';
import type { ItemPage, ListItem } from './types';
import { lostUpdateOutcome } from './verified-update';

/** SharePoint returns at most 5,000 items a page. */
export const MAX_PAGE_SIZE = 5000;
const PREFER_NON_INDEXED = 'HonorNonIndexedQueriesWarningMayFailRandomly';

export interface ItemQuery {
  readonly filter?: Filter;
  readonly orderBy?: OrderBy;
  /** Page size, 1 to 5,000; Graph's default (200) when absent. */
  readonly top?: number;
  /** Only these columns under fields ($expand=fields($select=...)); all when absent. */
  readonly select?: readonly string[];
  /**
   * Sends `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly`, letting a small list filter or order on
   * non-indexed columns. Past 5,000 items SharePoint refuses such queries anyway.
   */
  readonly allowNonIndexed?: boolean;
  readonly signal?: AbortSignal;
}

export interface UpdatedItem {
  readonly etag: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

interface GraphListItem {
  readonly id?: string | number;
  readonly eTag?: string;
  readonly '@odata.etag'?: string;
  readonly fields?: Record<string, unknown>;
}

export class PageCapExceededError extends Error {
  constructor(readonly cap: number) {
    super(`The query matched more than the ${cap} items the caller allowed; refusing to return a silently truncated result. Narrow the query or raise the cap deliberately.`);
    this.name = 'PageCapExceededError';
  }
}

export class ListsGateway {
  constructor(
    private readonly http: GraphHttp,
    readonly siteId: string,
  ) {}

  resolveListIds<K extends string>(displayNames: Readonly<Record<K, string>>): Promise<Record<K, string>> {
    return resolveListIds(this.http, this.siteId, displayNames);
  }

  ensureList(schema: ListSchema, displayName?: string): Promise<EnsuredList> {
    return ensureList(this.http, this.siteId, schema, displayName);
  }

  /** Adds columns the schema has and the list lacks; returns their names. */
  ensureColumns(listId: string, schema: ListSchema): Promise<string[]> {
    return ensureColumns(this.http, this.siteId, listId, schema);
  }

  async getItem(listId: string, itemId: string): Promise<ListItem> {
    const answer = await this.http.get<GraphListItem>(`${this.itemsPath(listId)}/${segment(itemId)}`, { query: { $expand: 'fields' } });
    return toListItem(answer.body);
  }

  /** One page of items; follow `nextLink` with nextPage. */
  async queryItems(listId: string, query: ItemQuery = {}): Promise<ItemPage> {
    if (query.top !== undefined && (!Number.isInteger(query.top) || query.top < 1 || query.top > MAX_PAGE_SIZE)) {
      throw new RangeError(`top must be a whole number from 1 to ${MAX_PAGE_SIZE}, got ${query.top}`);
    }
    const answer = await this.http.get<{ value?: GraphListItem[]; '@odata.nextLink'?: string }>(this.itemsPath(listId), {
      query: { $expand: expandFields(query.select), $filter: query.filter?.expression, $orderby: query.orderBy?.expression, $top: query.top },
      ...(query.allowNonIndexed ? { headers: { Prefer: PREFER_NON_INDEXED } } : {}),
      ...(query.signal ? { signal: query.signal } : {}),
    });
    return toPage(answer.body);
  }

  /**
   * The page after `nextLink`. The link carries the query; the Prefer header does not travel in it, so pass
   * allowNonIndexed again if the first page needed it.
   */
  async nextPage(nextLink: string, options: Pick<ItemQuery, 'allowNonIndexed' | 'signal'> = {}): Promise<ItemPage> {
    const answer = await this.http.getNextLink<{ value?: GraphListItem[]; '@odata.nextLink'?: string }>(nextLink, {
      ...(options.allowNonIndexed ? { headers: { Prefer: PREFER_NON_INDEXED } } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return toPage(answer.body);
  }

  /**
   * Every item the query matches, page by page. `maxItems` is required: a result larger than the caller planned
   * for throws PageCapExceededError instead of being cut short without a word.
   */
  async *pageAll(listId: string, query: ItemQuery, options: { readonly maxItems: number }): AsyncGenerator<ListItem, void, undefined> {
    if (!Number.isInteger(options.maxItems) || options.maxItems < 0) throw new RangeError('maxItems must be a whole number');
    let page = await this.queryItems(listId, query);
    let seen = 0;
    for (;;) {
      for (const item of page.items) {
        if (seen >= options.maxItems) throw new PageCapExceededError(options.maxItems);
        seen += 1;
        yield item;
      }
      if (!page.nextLink) return;
      page = await this.nextPage(page.nextLink, query);
    }
  }

  /** Like pageAll, but checks the cap before handing anything back. */
  async listAll(listId: string, query: ItemQuery, options: { readonly maxItems: number }): Promise<ListItem[]> {
    const items: ListItem[] = [];
    for await (const item of this.pageAll(listId, query, options)) items.push(item);
    return items;
  }

  /**
   * One POST. A 429/503 is retried (nothing was done), a dropped connection is not (something may have been):
   * use createItemOnce when the list has an idempotency key column.
   */
  async createItem(listId: string, fields: FieldValues): Promise<ListItem> {
    const answer = await this.http.post<GraphListItem>(this.itemsPath(listId), { fields });
    return toListItem(answer.body);
  }

  /**
   * Creates the item exactly once: when the answer is lost (dropped connection, gateway timeout) or the unique key
   * clashes, the item is looked up by its key before anything is sent again.
   */
  createItemOnce(listId: string, fields: FieldValues, key: IdempotencyKey): Promise<ListItem> {
    return createOnce(this.createDeps(), listId, fields, key);
  }

  /**
   * Creates many items through $batch, 20 per batch, re-sending only steps that got 429/503. Results keep the rows'
   * order; a row refused by the list is a failed result, not an exception. With `key`, a batch whose answer was
   * lost is recovered by key (rows found are not created again).
   */
  createItems(listId: string, rows: readonly FieldValues[], options: { readonly key?: IdempotencyKey; readonly retry?: Partial<RetryPolicy> } = {}): Promise<CreateResult[]> {
    return createMany(this.createDeps(), listId, rows, options.key, options.retry ?? {});
  }

  /** Items whose `column` holds one of `keys` (at most 20 per query), by key. */
  async findByKeys(listId: string, column: string, keys: readonly string[]): Promise<Map<string, ListItem>> {
    const found = new Map<string, ListItem>();
    for (let i = 0; i < keys.length; i += 20) {
      const chunk = keys.slice(i, i + 20);
      const page = await this.queryItems(listId, { filter: keysFilter(column, chunk), top: 40 });
      for (const item of page.items) {
        const value = item.fields[column];
        // The lowest id wins if a duplicate ever slipped in, so every reader agrees on one item.
        if (typeof value === 'string' && !found.has(value)) found.set(value, item);
      }
    }
    return found;
  }

  /**
   * Updates the given columns if the item still has `etag` (If-Match); ConflictError when it changed meanwhile.
   * When the answer is lost, the item is read again: unchanged means the update is sent again, our values mean it
   * was applied (docs/decisions/0251).
   */
  async updateItem(listId: string, itemId: string, fields: FieldValues, etag: string): Promise<UpdatedItem> {
    if (!etag) throw new Error('updateItem needs the ETag the item was read with; unconditional updates are not offered');
    const path = `${this.itemsPath(listId)}/${segment(itemId)}/fields`;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const answer = await this.http.patch<Record<string, unknown>>(path, fields, { headers: { 'If-Match': etag } });
        const body = answer.body ?? {};
        const newEtag = stringOrUndefined(body['@odata.etag']) ?? answer.headers.get('etag') ?? (await this.getItem(listId, itemId)).etag;
        return { etag: newEtag, fields: body };
      } catch (error) {
        if (!answerLost(error) || attempt >= 4) throw error;
        const current = await this.getItem(listId, itemId);
        if (lostUpdateOutcome(current, etag, fields) === 'applied') return { etag: current.etag, fields: current.fields };
      }
    }
  }

  /** Deletes the item; with an ETag, only if it is unchanged since read. */
  async deleteItem(listId: string, itemId: string, etag?: string): Promise<void> {
    await this.http.delete(`${this.itemsPath(listId)}/${segment(itemId)}`, etag ? { headers: { 'If-Match': etag } } : {});
  }

  private itemsPath(listId: string): string {
    return `/sites/${segment(this.siteId)}/lists/${segment(listId)}/items`;
  }

  private createDeps(): CreateDeps {
    return {
      http: this.http,
      itemsPath: (listId) => this.itemsPath(listId),
      createItem: (listId, fields) => this.createItem(listId, fields),
      findByKeys: (listId, column, keys) => this.findByKeys(listId, column, keys),
      toListItem: (body) => toListItem(body as GraphListItem),
    };
  }
}

const SELECT_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function expandFields(select: readonly string[] | undefined): string {
  if (!select) return 'fields';
  const bad = select.find((n) => !SELECT_NAME.test(n));
  if (bad !== undefined || select.length === 0) throw new Error(`select takes column names; got ${JSON.stringify(bad ?? select)}`);
  return `fields($select=${select.join(',')})`;
}

function toPage(body: { value?: GraphListItem[]; '@odata.nextLink'?: string } | undefined): ItemPage {
  return { items: (body?.value ?? []).map(toListItem), nextLink: body?.['@odata.nextLink'] ?? null };
}

export function toListItem(body: GraphListItem | undefined): ListItem {
  const fields = body?.fields ?? {};
  const id = body?.id ?? fields['id'];
  const etag = body?.eTag ?? body?.['@odata.etag'] ?? stringOrUndefined(fields['@odata.etag']);
  if (id === undefined || id === null || etag === undefined) {
    throw new GraphRequestError({ status: 200, code: 'unexpectedShape', message: `a list item came back without ${id === undefined ? 'an id' : 'an eTag'}` });
  }
  return { id: String(id), etag, fields };
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
