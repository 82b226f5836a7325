// The part of GET /v1.0/users that people search needs: $filter with eq and startswith on a few properties (joined
// by and/or), $search="displayName:..." (tokenized prefix match, needs ConsistencyLevel: eventual), $select, $top.
// https://learn.microsoft.com/en-us/graph/api/user-list, https://learn.microsoft.com/en-us/graph/search-query-parameter
import { GraphError } from '../http/errors';
import { ODataSyntaxError } from '../odata/lexer';
import { clausesOf, parseFilter, type Clause, type FilterNode } from '../odata/filter-parser';
import type { Person } from './directory';

type SqlCondition = { readonly sql: string; readonly params: (string | number | null)[] };

export const GIVEN_NAME_SQL = "substr(display_name, 1, instr(display_name || ' ', ' ') - 1)";
export const SURNAME_SQL = "NULLIF(ltrim(substr(display_name, instr(display_name || ' ', ' '))), '')";

/** Given name and surname as the directory derives them, for answers (see COLUMNS). */
export function namePartsOf(displayName: string): { givenName: string; surname: string | null } {
  const space = displayName.indexOf(' ');
  if (space < 0) return { givenName: displayName, surname: null };
  return { givenName: displayName.slice(0, space), surname: displayName.slice(space + 1).trimStart() || null };
}

/** Properties a filter or search may use, and their columns. */
const COLUMNS: Record<string, string> = {
  id: 'id', userPrincipalName: 'user_principal_name', displayName: 'display_name', mail: 'mail', jobTitle: 'job_title',
  // Entra keeps given name and surname apart; the emulated directory derives them from the display name: the first word,
  // and the words after it (so "Siobhán O'Neill" has the surname "O'Neill"), which people pickers match on.
  givenName: GIVEN_NAME_SQL, surname: SURNAME_SQL,
};
const SEARCHABLE = ['displayName', 'userPrincipalName', 'mail', 'jobTitle'] as const;

export const unsupported = (message: string): GraphError => new GraphError(400, 'Request_UnsupportedQuery', message);

export function usersFilterSql(text: string): SqlCondition {
  let node: FilterNode;
  try {
    node = parseFilter(text, 'entity');
  } catch (error) {
    if (error instanceof ODataSyntaxError) throw new GraphError(400, 'BadRequest', `Invalid filter clause: ${error.detail} at position ${error.position}.`);
    throw error;
  }
  clausesOf(node).forEach(checkClause);
  return toSql(node);
}

function checkClause(clause: Clause): void {
  const name = clause.property.kind === 'id' ? 'id' : clause.property.name;
  const refuse = (): never => {
    throw unsupported(`Unsupported or invalid query filter clause specified for property '${name}' of resource 'User'.`);
  };
  if (!(name in COLUMNS)) refuse();
  if (clause.type === 'startswith') return name === 'id' ? refuse() : undefined;
  if (clause.op !== 'eq' || clause.literal.kind !== 'string') refuse();
}

function toSql(node: FilterNode): SqlCondition {
  if (node.type === 'and' || node.type === 'or') {
    const left = toSql(node.left);
    const right = toSql(node.right);
    return { sql: `(${left.sql}) ${node.type.toUpperCase()} (${right.sql})`, params: [...left.params, ...right.params] };
  }
  const name = node.property.kind === 'id' ? 'id' : node.property.name;
  const column = COLUMNS[name]!;
  if (node.type === 'startswith') return { sql: `${column} LIKE ? ESCAPE '\\'`, params: [`${escapeLike(node.prefix)}%`] };
  const value = node.literal.kind === 'string' ? node.literal.value : '';
  return { sql: `${column} = ? COLLATE NOCASE`, params: [name === 'id' ? value.toLowerCase() : value] };
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

interface SearchTerm {
  readonly property: (typeof SEARCHABLE)[number];
  readonly term: string;
}

/** $search="displayName:wa" OR "mail:wa" (AND binds as OR does here: left to right, as few callers mix them). */
export function parseSearch(text: string): { readonly terms: SearchTerm[]; readonly joiner: 'AND' | 'OR' } {
  const parts = text.trim().split(/\s+(AND|OR)\s+/);
  const terms: SearchTerm[] = [];
  const joiners = new Set<string>();
  parts.forEach((part, i) => {
    if (i % 2 === 1) {
      joiners.add(part);
      return;
    }
    const match = /^"([A-Za-z]+):([^"]*)"$/.exec(part);
    if (!match) throw new GraphError(400, 'Request_UnsupportedQuery', `Syntax error: $search takes quoted "property:text" clauses joined by AND or OR, found ${part}.`);
    const property = SEARCHABLE.find((p) => p.toLowerCase() === match[1]!.toLowerCase());
    if (!property) throw unsupported(`$search is not supported on property '${match[1]}' of resource 'User'.`);
    terms.push({ property, term: match[2]!.trim() });
  });
  if (joiners.size > 1) throw unsupported('$search here takes clauses joined all by AND or all by OR.');
  return { terms, joiner: joiners.has('AND') ? 'AND' : 'OR' };
}

/** Directory search is tokenized: words that start with the term, without regard to case ("wa" finds "Adele Walker"). */
export function matchesSearch(person: Person, search: ReturnType<typeof parseSearch>): boolean {
  const hit = (t: SearchTerm): boolean => {
    const value = person[t.property] ?? '';
    if (t.term === '') return true;
    const words = value.toLowerCase().split(/[\s@._\-,()]+/);
    // Every word typed must begin some word of the value: "adele wa" finds "Adele Walker".
    return t.term.toLowerCase().split(/\s+/).every((typed) => words.some((w) => w.startsWith(typed)));
  };
  return search.joiner === 'AND' ? search.terms.every(hit) : search.terms.some(hit);
}
