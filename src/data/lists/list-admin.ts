// Site and list resolution, and list creation from a declarative schema (used by the embedded seed; provisioning a
// real site, with the settings Graph cannot make, is @pnp/sp's job in a later issue).
import type { ColumnSchema, ListSchema } from '../../../sharepoint-lists/schema';
import { NotFoundError } from '../errors';
import type { GraphHttp } from '../http/graph-http';
import { segment } from '../http/path';

interface GraphList {
  readonly id: string;
  readonly displayName?: string;
  readonly name?: string;
}

interface GraphCollection<T> {
  readonly value?: readonly T[];
  readonly '@odata.nextLink'?: string;
}

/** The site id for a hostname and server-relative path (GET /sites/{hostname}:/{path}). */
export async function resolveSite(http: GraphHttp, hostname: string, path: string): Promise<string> {
  const relative = `/${path.replace(/^\/+/, '').replace(/\/+$/, '')}`;
  const encoded = relative.split('/').map(encodeURIComponent).join('/');
  const answer = await http.get<{ id?: string }>(`/sites/${encodeURIComponent(hostname)}:${encoded}`);
  if (!answer.body?.id) throw new Error(`Graph answered the site ${hostname}:${relative} without an id`);
  return answer.body.id;
}

async function allLists(http: GraphHttp, siteId: string): Promise<GraphList[]> {
  const lists: GraphList[] = [];
  let answer = await http.get<GraphCollection<GraphList>>(`/sites/${segment(siteId)}/lists`);
  for (let pages = 1; ; pages += 1) {
    lists.push(...(answer.body?.value ?? []));
    const next = answer.body?.['@odata.nextLink'];
    if (!next) return lists;
    if (pages >= 100) throw new Error(`The site ${siteId} lists more than 100 pages of lists; refusing to read on`);
    answer = await http.getNextLink<GraphCollection<GraphList>>(next);
  }
}

function findByDisplayName(lists: readonly GraphList[], displayName: string): GraphList | undefined {
  // SharePoint list titles are unique without regard to case.
  const wanted = displayName.toLowerCase();
  return lists.find((l) => (l.displayName ?? l.name ?? '').toLowerCase() === wanted);
}

/**
 * List ids by display name, resolved once at start: owners may rename lists, so names come from configuration
 * and ids are what the rest of the adapter uses. Every missing name is reported at once.
 */
export async function resolveListIds<K extends string>(http: GraphHttp, siteId: string, displayNames: Readonly<Record<K, string>>): Promise<Record<K, string>> {
  const lists = await allLists(http, siteId);
  const ids = {} as Record<K, string>;
  const missing: string[] = [];
  for (const key of Object.keys(displayNames) as K[]) {
    const found = findByDisplayName(lists, displayNames[key]);
    if (found) ids[key] = found.id;
    else missing.push(`${key} ('${displayNames[key]}')`);
  }
  if (missing.length > 0) {
    const present = lists.map((l) => `'${l.displayName ?? l.name ?? l.id}'`).join(', ') || 'none';
    throw new NotFoundError({
      status: 404,
      code: 'listNotFound',
      message: `no list with the configured display name for ${missing.join(', ')} on site ${siteId}; lists present: ${present}`,
      method: 'GET',
      path: `/sites/${siteId}/lists`,
    });
  }
  return ids;
}

export interface EnsuredList {
  readonly id: string;
  readonly created: boolean;
}

/** Creates the list with the schema's columns unless a list with that display name exists. */
export async function ensureList(http: GraphHttp, siteId: string, schema: ListSchema, displayName = schema.name): Promise<EnsuredList> {
  const existing = findByDisplayName(await allLists(http, siteId), displayName);
  if (existing) return { id: existing.id, created: false };
  const body = {
    displayName,
    description: schema.description,
    // Title is built into every generic list; the schema lists it only so mappers treat it like any column.
    columns: schema.columns.filter((c) => c.name !== 'Title').map(columnDefinition),
    list: { template: 'genericList' },
  };
  const answer = await http.post<GraphList>(`/sites/${segment(siteId)}/lists`, body);
  return { id: answer.body.id, created: true };
}

/** A schema column as Graph's columnDefinition (https://learn.microsoft.com/en-us/graph/api/resources/columndefinition). */
export function columnDefinition(column: ColumnSchema): Record<string, unknown> {
  const common = {
    name: column.name,
    displayName: column.displayName ?? column.name,
    required: column.required ?? false,
    indexed: column.indexed ?? false,
    enforceUniqueValues: column.unique ?? false,
  };
  switch (column.type) {
    case 'text':
      return { ...common, text: { allowMultipleLines: false, maxLength: column.maxLength ?? 255 } };
    case 'note':
      return { ...common, text: { allowMultipleLines: true, textType: 'plain' } };
    case 'number':
      return { ...common, number: {} };
    case 'boolean':
      return { ...common, boolean: {} };
    case 'dateTime':
      return { ...common, dateTime: { format: 'dateTime' } };
    case 'dateOnly':
      return { ...common, dateTime: { format: 'dateOnly' } };
    case 'choice':
      return { ...common, choice: { choices: [...(column.choices ?? [])], allowTextEntry: false, displayAs: 'dropDownMenu' } };
  }
}

/**
 * Adds the schema's columns a list lacks (a list made by an older version). Existing columns are left as they are:
 * changing a column's type or index is provisioning's job, not something to do silently at start.
 */
export async function ensureColumns(http: GraphHttp, siteId: string, listId: string, schema: ListSchema): Promise<string[]> {
  const path = `/sites/${segment(siteId)}/lists/${segment(listId)}/columns`;
  const answer = await http.get<GraphCollection<{ name?: string }>>(path);
  const present = new Set((answer.body?.value ?? []).map((c) => (c.name ?? '').toLowerCase()));
  const added: string[] = [];
  for (const column of schema.columns) {
    if (column.name === 'Title' || present.has(column.name.toLowerCase())) continue;
    // A column added to a list with items cannot start out required; the API's own checks still require the value.
    await http.post(path, columnDefinition({ ...column, required: false }));
    added.push(column.name);
  }
  return added;
}
