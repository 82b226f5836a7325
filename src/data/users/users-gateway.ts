// People from the directory through Graph /users (https://learn.microsoft.com/en-us/graph/api/user-list):
// a prefix search for people pickers, and a lookup by object id. Only the properties the API shows are selected.
import { NotFoundError } from '../errors';
import type { GraphHttp } from '../http/graph-http';
import { segment } from '../http/path';
import { odataString } from '../odata';

export interface DirectoryUser {
  readonly id: string;
  readonly displayName: string;
  readonly userPrincipalName: string;
  readonly mail: string | null;
  readonly jobTitle: string | null;
  readonly department: string | null;
}

const SELECT = 'id,displayName,userPrincipalName,mail,jobTitle,department';
/** The properties Graph documents as supporting startswith on /users without advanced query headers. */
const PREFIX_PROPERTIES = ['displayName', 'givenName', 'surname', 'userPrincipalName', 'mail'] as const;
export const USER_SEARCH_MAX = 50;

interface GraphUser {
  readonly id?: unknown;
  readonly displayName?: unknown;
  readonly userPrincipalName?: unknown;
  readonly mail?: unknown;
  readonly jobTitle?: unknown;
  readonly department?: unknown;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

function toUser(raw: GraphUser): DirectoryUser | null {
  const id = text(raw.id);
  const upn = text(raw.userPrincipalName);
  if (!id || !upn) return null;
  return { id, displayName: text(raw.displayName) ?? upn, userPrincipalName: upn, mail: text(raw.mail), jobTitle: text(raw.jobTitle), department: text(raw.department) };
}

/** The $filter for a prefix search: startswith on each name property, joined by `or`, apostrophes doubled. */
export function userPrefixFilter(prefix: string): string {
  const literal = odataString(prefix);
  return PREFIX_PROPERTIES.map((p) => `startswith(${p},${literal})`).join(' or ');
}

export class UsersGateway {
  constructor(private readonly http: GraphHttp) {}

  /** People whose name, UPN or mail starts with `prefix`, sorted by display name. */
  async search(prefix: string, top = 20): Promise<DirectoryUser[]> {
    const wanted = prefix.trim();
    if (wanted.length === 0) return [];
    if (!Number.isInteger(top) || top < 1 || top > USER_SEARCH_MAX) throw new RangeError(`top must be 1 to ${USER_SEARCH_MAX}`);
    const answer = await this.http.get<{ value?: GraphUser[] }>('/users', { query: { $filter: userPrefixFilter(wanted), $select: SELECT, $top: top } });
    const users = (answer.body?.value ?? []).map(toUser).filter((u): u is DirectoryUser => u !== null);
    return users.sort((a, b) => a.displayName.localeCompare(b.displayName, 'en-GB'));
  }

  /** Which of `groupIds` (Entra group object ids, at most 20) the person is a member of; empty for an unknown person. */
  async memberGroups(id: string, groupIds: readonly string[]): Promise<string[]> {
    if (groupIds.length === 0) return [];
    try {
      const answer = await this.http.post<{ value?: unknown }>(`/users/${segment(id)}/checkMemberGroups`, { groupIds });
      const value = answer.body?.value;
      return Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string') : [];
    } catch (error) {
      if (error instanceof NotFoundError) return [];
      throw error;
    }
  }

  /** The ids of the app roles the person is assigned (appRoleId of each assignment); empty for an unknown person. */
  async appRoleIds(id: string): Promise<string[]> {
    try {
      const answer = await this.http.get<{ value?: { appRoleId?: unknown }[] }>(`/users/${segment(id)}/appRoleAssignments`);
      return (answer.body?.value ?? []).map((a) => a.appRoleId).filter((r): r is string => typeof r === 'string');
    } catch (error) {
      if (error instanceof NotFoundError) return [];
      throw error;
    }
  }

  /** One person by Entra object id, or null when the directory has no such person. */
  async get(id: string): Promise<DirectoryUser | null> {
    try {
      const answer = await this.http.get<GraphUser>(`/users/${segment(id)}`, { query: { $select: SELECT } });
      return toUser(answer.body ?? {});
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }
}
