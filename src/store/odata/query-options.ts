// Parsers for $orderby, $expand and $top on list items.
import { ODataSyntaxError, tokenize } from './lexer';
import type { PropertyRef } from './filter-parser';

export interface OrderKey {
  readonly property: PropertyRef;
  readonly descending: boolean;
}

export function parseOrderBy(text: string): OrderKey[] {
  const tokens = tokenize(text);
  const failed = tokens.find((t) => t.error);
  if (failed?.error) throw failed.error;
  const keys: OrderKey[] = [];
  let i = 0;
  for (;;) {
    const head = tokens[i]!;
    if (head.kind !== 'identifier') throw new ODataSyntaxError(`expected a property (id or fields/<column name>) in $orderby, found '${head.text || 'the end'}'`, head.position);
    let property: PropertyRef;
    if (head.text === 'fields') {
      const slash = tokens[i + 1]!;
      const name = tokens[i + 2]!;
      if (slash.kind !== 'slash' || name.kind !== 'identifier') throw new ODataSyntaxError("expected 'fields/<column name>' in $orderby", head.position);
      property = name.text.toLowerCase() === 'id' ? { kind: 'id' } : { kind: 'field', name: name.text };
      i += 3;
    } else if (head.text === 'id') {
      property = { kind: 'id' };
      i += 1;
    } else {
      throw new ODataSyntaxError(`unknown property '${head.text}' in $orderby: order by id or fields/<column name>`, head.position);
    }
    let descending = false;
    const dir = tokens[i]!;
    if (dir.kind === 'identifier') {
      const word = dir.text.toLowerCase();
      if (word !== 'asc' && word !== 'desc') throw new ODataSyntaxError(`expected asc or desc, found '${dir.text}'`, dir.position);
      descending = word === 'desc';
      i += 1;
    }
    keys.push({ property, descending });
    const sep = tokens[i]!;
    if (sep.kind === 'end') return keys;
    if (sep.kind !== 'comma') throw new ODataSyntaxError(`expected ',' or the end of $orderby, found '${sep.text}'`, sep.position);
    i += 1;
  }
}

export interface FieldsExpand {
  readonly fields: boolean;
  /** Column names from fields($select=...); undefined means all fields. */
  readonly select?: readonly string[];
}

const EXPAND_FIELDS = /^fields(?:\((?:\$?select)=([^)]*)\))?$/i;

/** Accepts `fields`, `fields($select=A,B)` and Graph's v1.0 form without the `$`. */
export function parseItemsExpand(text: string | undefined): FieldsExpand {
  if (text === undefined || text.trim() === '') return { fields: false };
  const match = EXPAND_FIELDS.exec(text.trim());
  if (!match) throw new ODataSyntaxError(`$expand supports only 'fields' or 'fields($select=A,B)' here, found '${text}'`, 1);
  const selected = match[1];
  if (selected === undefined) return { fields: true };
  const names = selected.split(',').map((s) => s.trim()).filter((s) => s !== '');
  return { fields: true, select: names };
}

export const DEFAULT_PAGE_SIZE = 200;
export const MAX_PAGE_SIZE = 5000;

/** $top: default 200; SharePoint pages hold at most 5,000 items, so more is refused rather than silently capped. */
export function parseTop(text: string | undefined): number {
  if (text === undefined) return DEFAULT_PAGE_SIZE;
  if (!/^\d+$/.test(text.trim())) throw new RangeError(`$top must be a whole number from 1 to ${MAX_PAGE_SIZE}, found '${text}'`);
  const top = Number(text.trim());
  if (top < 1) throw new RangeError(`$top must be at least 1, found ${top}`);
  if (top > MAX_PAGE_SIZE) throw new RangeError(`$top must be at most ${MAX_PAGE_SIZE} (a list item page holds at most ${MAX_PAGE_SIZE} items), found ${top}`);
  return top;
}

/** $select on a resource: property names separated by commas. */
export function parseSelect(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const names = text.split(',').map((s) => s.trim());
  const bad = names.find((n) => !/^[A-Za-z@][A-Za-z0-9_.@]*$/.test(n));
  if (bad !== undefined) throw new ODataSyntaxError(`'${bad}' is not a property name`, text.indexOf(bad) + 1);
  return names;
}
