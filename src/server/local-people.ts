import type { PersonDto } from '../contracts/api';
import type { PeopleDirectory } from '../api/people/people-directory';
import type { Person, Store } from '../store';

// The embedded default's people search, read from the local store's directory in-process. It stands in for Graph
// /users until the store serves GET /v1.0/users; then the server uses the API's Graph directory like a tenant does.

const toDto = (p: Person): PersonDto => ({ id: p.id, upn: p.userPrincipalName, name: p.displayName, jobTitle: p.jobTitle, department: p.department });

/** Matches as Graph's startswith does on displayName, givenName, surname, userPrincipalName and mail: a prefix, any case. */
function matches(p: Person, prefix: string): boolean {
  const words = [p.displayName, ...p.displayName.split(/\s+/), p.userPrincipalName, p.mail ?? ''];
  return words.some((w) => w.toLowerCase().startsWith(prefix));
}

export function localPeopleDirectory(store: Pick<Store, 'directory'>): PeopleDirectory {
  return {
    async search(text, top) {
      const prefix = text.trim().toLowerCase();
      if (!prefix) return [];
      return store.directory
        .list()
        .filter((p) => matches(p, prefix))
        .slice(0, top)
        .map(toDto);
    },
    async get(idOrUpn) {
      const wanted = idOrUpn.toLowerCase();
      const found = store.directory.list().find((p) => p.id.toLowerCase() === wanted || p.userPrincipalName.toLowerCase() === wanted);
      return found ? toDto(found) : null;
    },
  };
}
