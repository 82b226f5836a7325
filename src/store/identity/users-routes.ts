// GET /v1.0/users and /v1.0/users/{id | userPrincipalName} from the emulated directory.
// https://learn.microsoft.com/en-us/graph/api/user-list, https://learn.microsoft.com/en-us/graph/api/user-get
import { namePartsOf } from './users-query';
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { GraphError } from '../http/errors';
import { nextLink, option, refuseUnsupported, type Query } from '../http/params';
import { headerValue, requestOrigin } from '../http/request-context';
import { APP_ROLE_IDS, EMBEDDED_API_AUDIENCE, EMBEDDED_APP_DISPLAY_NAME } from './constants';
import type { Directory, Person } from './directory';
import { matchesSearch, parseSearch, unsupported, usersFilterSql } from './users-query';

/** What Graph returns for a user without $select, and what $select may add. */
const DEFAULT_PROPERTIES = ['businessPhones', 'displayName', 'givenName', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName', 'id'];
const SELECTABLE = new Set([...DEFAULT_PROPERTIES, 'department', 'accountEnabled']);
const DEFAULT_PAGE = 100;
const MAX_PAGE = 999;

export function registerUserRoutes(app: FastifyInstance, directory: Directory): void {
  app.get<{ Querystring: Query }>('/users', async (request) => {
    const query = request.query;
    refuseUnsupported(query, ['filter', 'search', 'select', 'top', 'count', 'skiptoken']);
    const eventual = headerValue(request, 'consistencylevel')?.toLowerCase() === 'eventual';
    const select = parseUserSelect(option(query, 'select'));
    const top = pageSize(option(query, 'top'));
    const filterText = option(query, 'filter');
    const searchText = option(query, 'search');
    if (searchText !== undefined && !eventual) {
      throw unsupported("Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'");
    }
    const count = option(query, 'count');
    if (count !== undefined && count !== 'true' && count !== 'false') throw new GraphError(400, 'BadRequest', `$count must be true or false, found '${count}'.`);
    if (count === 'true' && !eventual) throw new GraphError(400, 'Request_BadRequest', '$count is not currently supported without the ConsistencyLevel: eventual header.');
    const search = searchText === undefined ? undefined : parseSearch(searchText);
    let people = directory.where(filterText === undefined ? { sql: '1', params: [] } : usersFilterSql(filterText));
    if (search) people = people.filter((p) => matchesSearch(p, search));

    const fingerprint = createHash('sha256').update(`${filterText ?? ''}\n${searchText ?? ''}\n${top}`).digest('base64url').slice(0, 12);
    const offset = readSkiptoken(option(query, 'skiptoken'), fingerprint);
    const page = people.slice(offset, offset + top);
    const origin = requestOrigin(request);
    return {
      '@odata.context': `${origin}/v1.0/$metadata#users${select ? `(${select.join(',')})` : ''}`,
      ...(count === 'true' ? { '@odata.count': people.length } : {}),
      ...(offset + top < people.length ? { '@odata.nextLink': nextLink(request, origin, Buffer.from(JSON.stringify({ q: fingerprint, o: offset + top })).toString('base64url')) } : {}),
      value: page.map((p) => userResource(p, select)),
    };
  });

  app.get<{ Params: { user: string }; Querystring: Query }>('/users/:user', async (request: FastifyRequest<{ Params: { user: string }; Querystring: Query }>) => {
    refuseUnsupported(request.query, ['select']);
    const ref = request.params.user;
    const person = ref.includes('@') ? directory.findByUpn(ref) : directory.findById(ref);
    if (!person) throw new GraphError(404, 'Request_ResourceNotFound', `Resource '${ref}' does not exist or one of its queried reference-property objects are not present.`);
    const select = parseUserSelect(option(request.query, 'select'));
    return { '@odata.context': `${requestOrigin(request)}/v1.0/$metadata#users/$entity`, ...userResource(person, select) };
  });
}

/** A person by id or UPN, or Graph's 404 in its words. */
function personOf(directory: Directory, ref: string): Person {
  const person = ref.includes('@') ? directory.findByUpn(ref) : directory.findById(ref);
  if (!person) throw new GraphError(404, 'Request_ResourceNotFound', `Resource '${ref}' does not exist or one of its queried reference-property objects are not present.`);
  return person;
}

const GROUP_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * POST /users/{id}/checkMemberGroups (https://learn.microsoft.com/en-us/graph/api/directoryobject-checkmembergroups)
 * and GET /users/{id}/appRoleAssignments (https://learn.microsoft.com/en-us/graph/api/user-list-approleassignments):
 * what the API needs to tell whether a person may work a support group's tickets.
 */
export function registerMembershipRoutes(app: FastifyInstance, directory: Directory): void {
  app.post<{ Params: { user: string }; Body: { groupIds?: unknown } | null }>('/users/:user/checkMemberGroups', async (request) => {
    const person = personOf(directory, request.params.user);
    const ids = request.body?.groupIds;
    if (!Array.isArray(ids) || ids.length > 20 || !ids.every((g): g is string => typeof g === 'string' && GROUP_ID.test(g))) {
      throw new GraphError(400, 'Request_BadRequest', 'groupIds must be a list of at most 20 group object ids.');
    }
    const mine = new Set(person.groups);
    return { '@odata.context': `${requestOrigin(request)}/v1.0/$metadata#Collection(Edm.String)`, value: ids.filter((g) => mine.has(g.toLowerCase())) };
  });

  app.get<{ Params: { user: string }; Querystring: Query }>('/users/:user/appRoleAssignments', async (request) => {
    refuseUnsupported(request.query, []);
    const person = personOf(directory, request.params.user);
    return {
      '@odata.context': `${requestOrigin(request)}/v1.0/$metadata#users('${person.id}')/appRoleAssignments`,
      value: person.appRoles.map((role) => ({
        id: createHash('sha256').update(`${person.id}:${role}`).digest('base64url').slice(0, 43),
        appRoleId: APP_ROLE_IDS[role],
        principalId: person.id,
        principalDisplayName: person.displayName,
        principalType: 'User',
        resourceId: EMBEDDED_API_AUDIENCE,
        resourceDisplayName: EMBEDDED_APP_DISPLAY_NAME,
        createdDateTime: null,
        deletedDateTime: null,
      })),
    };
  });
}

function userResource(person: Person, select: readonly string[] | undefined): Record<string, unknown> {
  const all: Record<string, unknown> = {
    businessPhones: [], displayName: person.displayName, ...namePartsOf(person.displayName), jobTitle: person.jobTitle, mail: person.mail,
    mobilePhone: null, officeLocation: null, preferredLanguage: null, userPrincipalName: person.userPrincipalName,
    id: person.id, department: person.department, accountEnabled: true,
  };
  const keys = select ?? DEFAULT_PROPERTIES;
  return Object.fromEntries(keys.map((k) => [k, all[k] ?? null]));
}

function parseUserSelect(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const names = text.split(',').map((s) => s.trim());
  const bad = names.find((n) => !SELECTABLE.has(n));
  if (bad !== undefined) {
    throw new GraphError(400, 'BadRequest', `Parsing OData Select and Expand failed: Could not find a property named '${bad}' on type 'microsoft.graph.user'.`);
  }
  return names;
}

function pageSize(text: string | undefined): number {
  if (text === undefined) return DEFAULT_PAGE;
  const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(n >= 1 && n <= MAX_PAGE)) throw new GraphError(400, 'Request_BadRequest', `Invalid page size specified: '${text}'. Must be between 1 and ${MAX_PAGE} inclusive.`);
  return n;
}

function readSkiptoken(token: string | undefined, fingerprint: string): number {
  if (token === undefined) return 0;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { q?: unknown; o?: unknown };
    if (parsed.q === fingerprint && typeof parsed.o === 'number' && parsed.o >= 0) return parsed.o;
  } catch {
    // Falls through to the refusal.
  }
  throw new GraphError(400, 'Request_BadRequest', 'The $skiptoken is not valid for this request. Follow @odata.nextLink exactly as returned.');
}
