// People search and lookup through Graph /users, typed for the API's people picker.
// $search is tokenized ("walker" and "adele wa" both find Adele Walker) and needs ConsistencyLevel: eventual:
// https://learn.microsoft.com/en-us/graph/search-query-parameter, https://learn.microsoft.com/en-us/graph/api/user-list
import { NotFoundError } from '../errors';
import type { GraphHttp } from '../http/graph-http';
import { segment } from '../http/path';

export interface Person {
  /** Entra object id. */
  readonly id: string;
  readonly displayName: string;
  readonly userPrincipalName: string;
  readonly mail: string | null;
  readonly jobTitle: string | null;
  readonly department: string | null;
}

export const PEOPLE_SEARCH_MAX = 50;
const SELECT = 'id,displayName,userPrincipalName,mail,jobTitle,department';
const SEARCHED = ['displayName', 'mail', 'userPrincipalName'] as const;

type RawUser = Partial<Record<keyof Person, unknown>>;
const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

function toPerson(raw: RawUser): Person | null {
  const id = text(raw.id);
  const upn = text(raw.userPrincipalName);
  if (!id || !upn) return null;
  return { id, displayName: text(raw.displayName) ?? upn, userPrincipalName: upn, mail: text(raw.mail), jobTitle: text(raw.jobTitle), department: text(raw.department) };
}

/** The $search value: one quoted clause per property, joined by OR. Quotes and backslashes cannot be searched for. */
export function peopleSearchExpression(q: string): string {
  const term = q.replace(/["\\]/g, ' ').replace(/\s+/g, ' ').trim();
  return SEARCHED.map((p) => `"${p}:${term}"`).join(' OR ');
}

export class PeopleGateway {
  constructor(private readonly http: GraphHttp) {}

  /** Up to `top` people whose name, mail or UPN has a word starting with each word of `q`, by display name. */
  async searchPeople(q: string, top = 20): Promise<Person[]> {
    if (!Number.isInteger(top) || top < 1 || top > PEOPLE_SEARCH_MAX) throw new RangeError(`top must be a whole number from 1 to ${PEOPLE_SEARCH_MAX}`);
    if (q.replace(/["\\\s]/g, '') === '') return [];
    const answer = await this.http.get<{ value?: RawUser[] }>('/users', {
      query: { $search: peopleSearchExpression(q), $select: SELECT, $top: top },
      headers: { ConsistencyLevel: 'eventual' },
    });
    const people = (answer.body?.value ?? []).map(toPerson).filter((p): p is Person => p !== null);
    return people.sort((a, b) => a.displayName.localeCompare(b.displayName, 'en-GB'));
  }

  /** One person by object id or user principal name; null when the directory has no such person. */
  async getPerson(idOrUpn: string): Promise<Person | null> {
    if (idOrUpn.trim() === '') return null;
    try {
      const answer = await this.http.get<RawUser>(`/users/${segment(idOrUpn.trim())}`, { query: { $select: SELECT } });
      return toPerson(answer.body ?? {});
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }
}
