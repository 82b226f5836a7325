// The shape of a declarative list schema. Provisioning, the local store and the adapter's mappers all read these.

/** Column kinds, named after the SharePoint column types they become. */
export type ColumnType =
  | 'text' // single line of text, at most 255 characters
  | 'note' // multiple lines of plain text
  | 'number'
  | 'boolean' // Yes/No
  | 'dateTime' // date and time, stored as a UTC instant
  | 'dateOnly' // date only: a Europe/London site stores local midnight as a UTC instant
  | 'choice';

export interface ColumnSchema {
  /** Internal name, as Graph exposes it under `fields`. */
  readonly name: string;
  readonly type: ColumnType;
  readonly displayName?: string;
  readonly required?: boolean;
  /** Indexed columns may lead a filter on a list past the view threshold. */
  readonly indexed?: boolean;
  /** SharePoint's "enforce unique values" (the column must also be indexed). */
  readonly unique?: boolean;
  readonly choices?: readonly string[];
  readonly maxLength?: number;
}

export interface ListSchema {
  /** The list's default display name; the deployed name is configurable and resolved at start. */
  readonly name: string;
  readonly description: string;
  readonly columns: readonly ColumnSchema[];
}

/** SharePoint allows at most 20 indexed columns on a list. */
export const MAX_INDEXED_COLUMNS = 20;
/** SharePoint's list view threshold. */
export const LIST_VIEW_THRESHOLD = 5000;
/** Title is built into every list; schemas list it so mappers and the store treat it like any column. */
export const TITLE_COLUMN: ColumnSchema = { name: 'Title', type: 'text', required: true, maxLength: 255 };

export function defineList(schema: ListSchema): ListSchema {
  return schema;
}

export function indexedColumns(schema: ListSchema): ColumnSchema[] {
  return schema.columns.filter((c) => c.indexed === true);
}
