// Column definitions in, as Graph's columnDefinition resource accepts them, and out, as it returns them.
// https://learn.microsoft.com/en-us/graph/api/resources/columndefinition
import { randomUUID } from 'node:crypto';
import { badRequest } from '../http/errors';

export type ColumnKind = 'text' | 'note' | 'number' | 'boolean' | 'dateTime' | 'dateOnly' | 'choice';

export interface ColumnDef {
  readonly id: string;
  readonly name: string;
  readonly displayName: string;
  readonly description: string;
  readonly kind: ColumnKind;
  readonly indexed: boolean;
  readonly unique: boolean;
  readonly required: boolean;
  readonly readOnly: boolean;
  readonly builtIn: boolean;
  readonly maxLength?: number;
  readonly choices?: readonly string[];
  readonly allowTextEntry?: boolean;
}

/** SharePoint allows at most 20 indexed columns per list. */
export const MAX_INDEXED_COLUMNS = 20;
/** A single line of text holds at most 255 characters (SP.FieldText.maxLength). */
export const MAX_TEXT_LENGTH = 255;

/** Title, as every genericList has it: a required single line of text, not indexed. */
export const TITLE_COLUMN: ColumnDef = {
  id: 'fa564e0f-0c70-4ab9-b863-0177e6ddd247',
  name: 'Title', displayName: 'Title', description: '', kind: 'text',
  indexed: false, unique: false, required: true, readOnly: false, builtIn: true, maxLength: MAX_TEXT_LENGTH,
};

/** Read-only system columns shown in /columns and readable under fields. */
const SYSTEM_COLUMNS: readonly ColumnDef[] = [
  { id: '1d22ea11-1e32-424e-89ab-9fedbadb6ce1', name: 'ID', displayName: 'ID', description: '', kind: 'number', indexed: true, unique: true, required: false, readOnly: true, builtIn: true },
  { id: '28cf69c5-fa48-462a-b5cd-27b6f9d2bd5f', name: 'Modified', displayName: 'Modified', description: '', kind: 'dateTime', indexed: false, unique: false, required: false, readOnly: true, builtIn: true },
  { id: '8c06beca-0777-48f7-91c7-6da68bc07b69', name: 'Created', displayName: 'Created', description: '', kind: 'dateTime', indexed: false, unique: false, required: false, readOnly: true, builtIn: true },
];

/** Names a custom column cannot take, and fields a client cannot write. */
export const RESERVED_FIELD_NAMES = new Set(
  ['id', 'title', 'created', 'modified', 'author', 'editor', 'contenttype', 'attachments', 'authorlookupid', 'editorlookupid',
    '_uiversionstring', 'edit', 'linktitle', 'linktitlenomenu', 'docicon', 'itemchildcount', 'folderchildcount', 'guid'],
);

const FACETS = ['text', 'number', 'boolean', 'dateTime', 'choice'] as const;
const UNSUPPORTED_FACETS = ['calculated', 'currency', 'lookup', 'personOrGroup', 'hyperlinkOrPicture', 'geolocation', 'term', 'thumbnail', 'contentApprovalStatus'];
const KNOWN_PROPERTIES = new Set<string>(['name', 'displayName', 'description', 'indexed', 'enforceUniqueValues', 'required', 'hidden', 'columnGroup', ...FACETS]);
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,31}$/;

type Json = Record<string, unknown>;

export function parseColumnInput(input: unknown): ColumnDef {
  if (!isObject(input)) throw badRequest('Each column must be a JSON object (a columnDefinition).');
  for (const key of Object.keys(input)) {
    if (UNSUPPORTED_FACETS.includes(key)) throw badRequest(`Column type '${key}' is not supported by the local store.`);
    if (!KNOWN_PROPERTIES.has(key) && !key.startsWith('@odata.')) throw badRequest(`Unknown columnDefinition property '${key}'.`);
  }
  const name = input.name;
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw badRequest(`Invalid column name '${String(name)}': use letters, digits and underscores, starting with a letter, at most 32 characters.`);
  }
  if (RESERVED_FIELD_NAMES.has(name.toLowerCase())) {
    throw badRequest(`A duplicate field name "${name}" was found.${name.toLowerCase() === 'title' ? ' Title is built into every list; leave it out of columns.' : ''}`);
  }
  const facets = FACETS.filter((f) => input[f] !== undefined);
  if (facets.length !== 1) throw badRequest(`Column '${name}' must have exactly one type facet (${FACETS.join(', ')}), found ${facets.length}.`);
  const facet = facets[0]!;
  const body = input[facet];
  if (!isObject(body)) throw badRequest(`Column '${name}': '${facet}' must be an object.`);
  const flags = {
    indexed: bool(input.indexed, name, 'indexed'),
    unique: bool(input.enforceUniqueValues, name, 'enforceUniqueValues'),
    required: bool(input.required, name, 'required'),
  };
  const base = {
    id: randomUUID(), name, builtIn: false, readOnly: false,
    displayName: typeof input.displayName === 'string' ? input.displayName : name,
    description: typeof input.description === 'string' ? input.description : '',
    ...flags,
  };
  const column = { ...base, ...facetDetails(name, facet, body) };
  if (column.unique && !column.indexed) throw badRequest(`Column '${name}': enforceUniqueValues requires indexed: true.`);
  if (column.kind === 'note' && column.indexed) throw badRequest(`Column '${name}': a column of multiple lines of text cannot be indexed.`);
  return column;
}

function facetDetails(name: string, facet: (typeof FACETS)[number], body: Json): Pick<ColumnDef, 'kind' | 'maxLength' | 'choices' | 'allowTextEntry'> {
  switch (facet) {
    case 'text': {
      if (body.allowMultipleLines === true) return { kind: 'note' };
      const maxLength = body.maxLength ?? MAX_TEXT_LENGTH;
      if (typeof maxLength !== 'number' || !Number.isInteger(maxLength) || maxLength < 1 || maxLength > MAX_TEXT_LENGTH) {
        throw badRequest(`Column '${name}': text.maxLength must be a whole number from 1 to ${MAX_TEXT_LENGTH}.`);
      }
      return { kind: 'text', maxLength };
    }
    case 'number':
      return { kind: 'number' };
    case 'boolean':
      return { kind: 'boolean' };
    case 'dateTime': {
      const format = body.format ?? 'dateTime';
      if (format !== 'dateTime' && format !== 'dateOnly') throw badRequest(`Column '${name}': dateTime.format must be 'dateTime' or 'dateOnly'.`);
      return { kind: format };
    }
    case 'choice': {
      const choices = body.choices;
      if (!Array.isArray(choices) || choices.length === 0 || !choices.every((c) => typeof c === 'string' && c.length <= MAX_TEXT_LENGTH)) {
        throw badRequest(`Column '${name}': choice.choices must be a non-empty array of strings.`);
      }
      return { kind: 'choice', choices: choices as string[], allowTextEntry: body.allowTextEntry === true };
    }
  }
}

export function checkColumnSet(columns: readonly ColumnDef[]): void {
  const seen = new Set<string>();
  for (const column of columns) {
    const key = column.name.toLowerCase();
    if (seen.has(key)) throw badRequest(`A duplicate field name "${column.name}" was found.`);
    seen.add(key);
  }
  const indexed = columns.filter((c) => c.indexed && !c.builtIn);
  if (indexed.length > MAX_INDEXED_COLUMNS) {
    throw badRequest(
      `A list can have at most ${MAX_INDEXED_COLUMNS} indexed columns; this request would make ${indexed.length} (${indexed.map((c) => c.name).join(', ')}).`,
      { innerCode: 'tooManyIndexedColumns' },
    );
  }
}

export function columnResource(column: ColumnDef): object {
  const facet: Record<ColumnKind, object> = {
    text: { text: { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: column.maxLength ?? MAX_TEXT_LENGTH } },
    note: { text: { allowMultipleLines: true, appendChangesToExistingText: false, linesForEditing: 6, maxLength: 0 } },
    number: { number: { decimalPlaces: 'automatic', displayAs: 'number' } },
    boolean: { boolean: {} },
    dateTime: { dateTime: { displayAs: 'default', format: 'dateTime' } },
    dateOnly: { dateTime: { displayAs: 'default', format: 'dateOnly' } },
    choice: { choice: { allowTextEntry: column.allowTextEntry ?? false, choices: column.choices ?? [], displayAs: 'dropDownMenu' } },
  };
  return {
    columnGroup: column.builtIn ? 'Base Columns' : 'Custom Columns',
    description: column.description,
    displayName: column.displayName,
    enforceUniqueValues: column.unique,
    hidden: false,
    id: column.id,
    indexed: column.indexed,
    name: column.name,
    readOnly: column.readOnly,
    required: column.required,
    ...facet[column.kind],
  };
}

export function systemColumns(): readonly ColumnDef[] {
  return SYSTEM_COLUMNS;
}

function bool(value: unknown, name: string, property: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw badRequest(`Column '${name}': '${property}' must be true or false.`);
  return value;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
