// The embedded default's directory reached from another process: the server's /dev/directory/people route,
// called with the API app's own token.
import type { AccessTokenSource } from '../../../src/data';
import { UnavailableError } from '../../../src/data/errors';
import type { PeopleDirectory } from '../../../src/api/import/ensure-reference';
import type { GeneratedPerson } from '../../../src/domain/import/types';
import { DIRECTORY_ROUTE } from '../../../src/server/directory-route';

const CHUNK = 1000;

export function httpPeopleDirectory(origin: string, tokens: AccessTokenSource): PeopleDirectory {
  return {
    async ensurePeople(people: readonly GeneratedPerson[]) {
      let created = 0;
      let existing = 0;
      for (let i = 0; i < people.length; i += CHUNK) {
        const body = people.slice(i, i + CHUNK).map((p) => ({ id: p.id, upn: p.upn, name: p.name, jobTitle: p.jobTitle, department: p.department, roles: p.roles, groups: p.groups }));
        const authorization = `Bearer ${await tokens.getAccessToken()}`;
        let response: Response;
        try {
          response = await fetch(`${origin}${DIRECTORY_ROUTE}`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify(body) });
        } catch (error) {
          // As the Graph adapter reports a server it cannot reach, so the command line names the origin.
          const reason = error instanceof Error ? error.message : String(error);
          throw new UnavailableError({ status: 0, code: 'directoryUnreachable', message: reason, method: 'POST', path: DIRECTORY_ROUTE }, { tries: 1, waitedMs: 0 });
        }
        if (!response.ok) throw new Error(`The server's directory answered ${response.status}: ${await response.text()}`);
        const counts = (await response.json()) as { created: number; existing: number };
        created += counts.created;
        existing += counts.existing;
      }
      return { created, existing };
    },
  };
}
