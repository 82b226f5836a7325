// The listItem resource and its fieldValueSet, as Graph returns them.
// https://learn.microsoft.com/en-us/graph/api/resources/listitem
// https://learn.microsoft.com/en-us/graph/api/resources/fieldvalueset
import type { Actor, ListMeta } from '../lists/catalog';
import type { Site } from '../sites/site';
import { badRequest } from '../http/errors';
import { fromSqlValue } from './codec';

export interface ItemRow {
  readonly id: number;
  readonly guid: string;
  readonly version: number;
  readonly created: string;
  readonly modified: string;
  readonly author: string;
  readonly editor: string;
  readonly [column: string]: unknown;
}

/** SharePoint's item ETag: "{item guid},{version}", quotes included; it changes on every write. */
export function etagOf(row: Pick<ItemRow, 'guid' | 'version'>): string {
  return `"${row.guid},${row.version}"`;
}

/** SharePoint's site-level id of the app principal ("SharePoint App") that makes app-only writes. */
const APP_LOOKUP_ID = '1073741822';

function identitySet(actor: Actor): object {
  return { [actor.kind]: { id: actor.id, displayName: actor.displayName } };
}

/** Fields that are always there, whatever columns the list has. */
function systemFields(row: ItemRow): Record<string, unknown> {
  const title = row.c_Title ?? null;
  return {
    '@odata.etag': etagOf(row),
    id: String(row.id),
    ContentType: 'Item',
    Title: title,
    Modified: row.modified,
    Created: row.created,
    AuthorLookupId: APP_LOOKUP_ID,
    EditorLookupId: APP_LOOKUP_ID,
    _UIVersionString: `${row.version}.0`,
    Attachments: false,
    Edit: '',
    LinkTitleNoMenu: title,
    LinkTitle: title,
    ItemChildCount: '0',
    FolderChildCount: '0',
  };
}

/** Checks a fields($select=...) list against the list's columns. */
export function checkSelect(list: ListMeta, select: readonly string[] | undefined): void {
  if (!select) return;
  const known = new Set([...Object.keys(systemFields({ id: 0, guid: '', version: 0, created: '', modified: '', author: '', editor: '' })), ...list.columns.map((c) => c.name)]);
  for (const name of select) {
    if (!known.has(name)) throw badRequest(`Field '${name}' in $select is not recognized on list '${list.displayName}'.`);
  }
}

/** Graph leaves out fields that have no value, so a reader must treat a missing field as empty. */
export function fieldsOf(list: ListMeta, row: ItemRow, select?: readonly string[]): Record<string, unknown> {
  const all = systemFields(row);
  for (const column of list.columns) {
    if (column.name === 'Title') continue;
    all[column.name] = fromSqlValue(column, row[`c_${column.name}`]);
  }
  const fields: Record<string, unknown> = {};
  const wanted = select ? new Set(['@odata.etag', ...select]) : undefined;
  for (const [key, value] of Object.entries(all)) {
    if (value === null || (wanted && !wanted.has(key))) continue;
    fields[key] = value;
  }
  return fields;
}

export interface ItemView {
  readonly site: Site;
  readonly list: ListMeta;
  readonly origin: string;
  readonly fields: boolean;
  readonly select?: readonly string[];
}

export function itemResource(view: ItemView, row: ItemRow): Record<string, unknown> {
  const etag = etagOf(row);
  const resource: Record<string, unknown> = {
    '@odata.etag': etag,
    createdDateTime: row.created,
    eTag: etag,
    id: String(row.id),
    lastModifiedDateTime: row.modified,
    webUrl: `${view.site.webUrl}/Lists/${view.list.name}/${row.id}_.000`,
    createdBy: identitySet(JSON.parse(row.author) as Actor),
    lastModifiedBy: identitySet(JSON.parse(row.editor) as Actor),
    parentReference: { id: view.list.id, siteId: view.site.id },
    contentType: { id: '0x0100', name: 'Item' },
  };
  if (view.fields) {
    resource['fields@odata.context'] = `${view.origin}/v1.0/$metadata#sites('${view.site.id}')/lists('${view.list.id}')/items('${row.id}')/fields/$entity`;
    resource.fields = fieldsOf(view.list, row, view.select);
  }
  return resource;
}

/** listItem properties that $select may name (https://learn.microsoft.com/en-us/graph/api/resources/listitem). */
const LIST_ITEM_PROPERTIES = new Set([
  'id', 'eTag', 'createdDateTime', 'lastModifiedDateTime', 'webUrl', 'createdBy', 'lastModifiedBy', 'parentReference', 'contentType', 'fields',
]);

export function checkItemSelect(select: readonly string[] | undefined): void {
  for (const name of select ?? []) {
    if (!LIST_ITEM_PROPERTIES.has(name)) throw badRequest(`Could not find a property named '${name}' on type 'microsoft.graph.listItem'.`);
  }
}

/** Keeps the selected properties (and the annotations Graph always sends); expanded fields stay with the item. */
export function selectItemProperties(resource: Record<string, unknown>, select: readonly string[] | undefined): Record<string, unknown> {
  if (!select) return resource;
  const wanted = new Set([...select, '@odata.etag', 'fields', 'fields@odata.context']);
  return Object.fromEntries(Object.entries(resource).filter(([key]) => wanted.has(key)));
}
