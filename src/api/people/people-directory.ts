import type { PersonDto } from '../../contracts/api';
import type { DirectoryUser, UsersGateway } from '../../data/users/users-gateway';
import type { AppRole } from '../../domain/tickets/types';
import { appRolesOf } from '../auth/app-role-ids';

/** People as the API shows them: from the directory (Graph /users), never from a local list. */
export interface PeopleDirectory {
  /** People whose name, UPN or mail starts with the text. */
  search(text: string, top: number): Promise<PersonDto[]>;
  /** One person by Entra object id, or null when the directory has none. */
  get(id: string): Promise<PersonDto | null>;
  /** The app roles the person holds (from their role assignments, not a token). */
  appRoles(id: string): Promise<AppRole[]>;
  /** Which of these Entra group ids the person is a member of. */
  memberGroups(id: string, entraGroupIds: readonly string[]): Promise<string[]>;
}

export const personFromDirectory = (u: DirectoryUser): PersonDto => ({
  id: u.id,
  upn: u.userPrincipalName,
  name: u.displayName,
  jobTitle: u.jobTitle,
  department: u.department,
});

export function graphPeopleDirectory(users: UsersGateway): PeopleDirectory {
  return {
    search: async (text, top) => (await users.search(text, top)).map(personFromDirectory),
    get: async (id) => {
      const found = await users.get(id);
      return found ? personFromDirectory(found) : null;
    },
    appRoles: async (id) => appRolesOf(await users.appRoleIds(id)),
    memberGroups: (id, entraGroupIds) => users.memberGroups(id, entraGroupIds),
  };
}
