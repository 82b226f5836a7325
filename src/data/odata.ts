// OData building blocks for list item queries. Callers build filters from field names and typed values; literals
// are always escaped here, so no caller ever concatenates a raw value into a query.

/** An OData string literal: wrapped in apostrophes, with each apostrophe inside doubled (O'Brien -> 'O''Brien'). */
export function odataString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export type FilterValue = string | number | boolean | Date;
export type Comparison = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';

/** A filter expression built only through this module (the brand keeps raw strings out of queryItems). */
export interface Filter {
  readonly expression: string;
  /** Field names in the order they appear; the first leads the query, which matters on lists past the threshold. */
  readonly fields: readonly string[];
  /** Set on an `or` at the top, so `and` wraps it in parentheses. */
  readonly disjunction?: true;
  readonly __brand: 'Filter';
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function checkName(name: string): string {
  if (!NAME.test(name)) throw new Error(`Not a column name: ${JSON.stringify(name)}`);
  return name;
}

/** A literal for any supported value type. */
export function odataLiteral(value: FilterValue): string {
  if (typeof value === 'string') return odataString(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Cannot filter on a non-finite number: ${value}`);
    return String(value);
  }
  // SharePoint compares Yes/No columns as 0/1; through Graph, "eq true" has been seen matching the opposite items
  // (SharePoint/sp-dev-docs issues 4750 and 5594).
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (Number.isNaN(value.getTime())) throw new Error('Cannot filter on an invalid Date');
  return odataString(instantText(value));
}

/** SharePoint keeps whole seconds; Graph returns instants as 2024-05-01T09:30:00Z, so filters use the same form. */
export function instantText(value: Date): string {
  const iso = value.toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

function comparison(name: string, op: Comparison, value: FilterValue): Filter {
  const column = checkName(name);
  return { expression: `fields/${column} ${op} ${odataLiteral(value)}`, fields: [column], __brand: 'Filter' };
}

export interface FieldFilters {
  eq(value: FilterValue): Filter;
  /** Not equal. Like SharePoint's Neq it never matches an empty field; use neOrEmpty to include those. */
  ne(value: FilterValue): Filter;
  lt(value: FilterValue): Filter;
  le(value: FilterValue): Filter;
  gt(value: FilterValue): Filter;
  ge(value: FilterValue): Filter;
  /** Text or choice starting with `prefix`, without regard to case. */
  startsWith(prefix: string): Filter;
  /** The field has no value. */
  isEmpty(): Filter;
  notEmpty(): Filter;
  /** Not equal, or empty: the same answer whichever way a server treats empty fields under ne. */
  neOrEmpty(value: FilterValue): Filter;
}

/** Comparisons on fields/{name}: field('IsOpen').eq(true), field('Title').eq("O'Brien"). */
export function field(name: string): FieldFilters {
  checkName(name);
  return {
    eq: (v) => comparison(name, 'eq', v),
    ne: (v) => comparison(name, 'ne', v),
    lt: (v) => comparison(name, 'lt', v),
    le: (v) => comparison(name, 'le', v),
    gt: (v) => comparison(name, 'gt', v),
    ge: (v) => comparison(name, 'ge', v),
    startsWith: (prefix) => {
      if (typeof prefix !== 'string') throw new Error('startsWith takes a string');
      return { expression: `startswith(fields/${name},${odataString(prefix)})`, fields: [name], __brand: 'Filter' };
    },
    isEmpty: () => ({ expression: `fields/${name} eq null`, fields: [name], __brand: 'Filter' }),
    notEmpty: () => ({ expression: `fields/${name} ne null`, fields: [name], __brand: 'Filter' }),
    neOrEmpty: (v) => or(comparison(name, 'ne', v), { expression: `fields/${name} eq null`, fields: [name], __brand: 'Filter' }),
  };
}

/** Conjunction in the given order; put the indexed, narrowing clause first. */
export function and(first: Filter, ...rest: Filter[]): Filter {
  if (rest.length === 0) return first;
  const all = [first, ...rest];
  return {
    // An `or` inside binds looser than `and`, so it keeps its parentheses; conjunctions flatten.
    expression: all.map((f) => (f.disjunction ? `(${f.expression})` : f.expression)).join(' and '),
    fields: all.flatMap((f) => f.fields),
    __brand: 'Filter',
  };
}

/**
 * Disjunction. On a list past 5,000 items every branch must lead with an indexed column, and the branches' leading
 * clauses together must match at most 5,000 items, or SharePoint refuses the query (docs/decisions/0250).
 */
export function or(first: Filter, ...rest: Filter[]): Filter {
  if (rest.length === 0) return first;
  const all = [first, ...rest];
  return {
    expression: all.map((f) => (f.disjunction ? f.expression : `(${f.expression})`)).join(' or '),
    fields: all.flatMap((f) => f.fields),
    disjunction: true,
    __brand: 'Filter',
  };
}

export type SortDirection = 'asc' | 'desc';

export interface OrderBy {
  readonly expression: string;
  readonly fields: readonly string[];
  readonly __brand: 'OrderBy';
}

/** The item id, which every list can be ordered by without an index. */
export const ITEM_ID = 'id';

/**
 * $orderby from terms: 'Priority' or ['OpenedAt', 'desc']. ITEM_ID orders by the item id (not under fields/).
 */
export function orderBy(...terms: readonly (string | readonly [string, SortDirection])[]): OrderBy {
  if (terms.length === 0) throw new Error('orderBy needs at least one term');
  const parts = terms.map((term) => {
    const [name, direction] = typeof term === 'string' ? [term, 'asc' as const] : term;
    if (direction !== 'asc' && direction !== 'desc') throw new Error(`Sort direction must be asc or desc, not ${String(direction)}`);
    const path = name === ITEM_ID ? ITEM_ID : `fields/${checkName(name)}`;
    return { text: direction === 'asc' ? path : `${path} desc`, name };
  });
  return { expression: parts.map((p) => p.text).join(','), fields: parts.map((p) => p.name), __brand: 'OrderBy' };
}
