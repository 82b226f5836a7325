import type { AppRole } from '../../domain/tickets/types';
import type { SeedGroup } from './catalogue';
import { DEPARTMENTS, FAMILY_NAMES, GIVEN_NAMES, JOB_TITLES } from '../../domain/generated/name-parts';
import { pick, seededGuid } from '../../domain/generated/random';

export interface SeedPerson {
  readonly id: string;
  readonly upn: string;
  readonly name: string;
  readonly jobTitle: string;
  readonly department: string;
  readonly roles: readonly AppRole[];
  /** Entra group ids this person belongs to. */
  readonly groups: readonly string[];
}

export interface SeedOrganisation {
  readonly people: readonly SeedPerson[];
  /** Entra group id of each support group, by group key. */
  readonly entraGroupIds: Readonly<Record<string, string>>;
}

export const SEED_DOMAIN = 'servicedesk.example';

function upnFor(given: string, family: string, used: Set<string>): string {
  const local = `${given}.${family}`.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9.'-]/g, '').toLowerCase();
  let upn = `${local}@${SEED_DOMAIN}`;
  for (let n = 2; used.has(upn); n++) upn = `${local}${n}@${SEED_DOMAIN}`;
  used.add(upn);
  return upn;
}

/** People for the demo: analysts for each group, service owners, an admin and staff, all from a fixed seed. */
export function generateOrganisation(random: () => number, groups: readonly SeedGroup[], staffCount: number): SeedOrganisation {
  const used = new Set<string>();
  const entraGroupIds = Object.fromEntries(groups.map((g) => [g.key, seededGuid(random)]));
  const people: SeedPerson[] = [];
  const person = (roles: AppRole[], memberOf: string[], jobTitle: string, department: string): SeedPerson => {
    const given = pick(random, GIVEN_NAMES);
    const family = pick(random, FAMILY_NAMES);
    return { id: seededGuid(random), upn: upnFor(given, family, used), name: `${given} ${family}`, jobTitle, department, roles, groups: memberOf };
  };
  people.push(person(['Admin', 'Analyst'], [entraGroupIds['service-desk']!], 'ITSM Administrator', 'IT'));
  for (const group of groups) {
    for (let i = 0; i < group.analysts; i++) people.push(person(['Analyst'], [entraGroupIds[group.key]!], `${group.name} Analyst`, 'IT'));
  }
  people.push(person(['ServiceOwner'], [], 'Head of IT Operations', 'IT'));
  people.push(person(['ServiceOwner'], [], 'Applications Manager', 'IT'));
  for (let i = 0; i < staffCount; i++) people.push(person([], [], pick(random, JOB_TITLES), pick(random, DEPARTMENTS)));
  return { people, entraGroupIds };
}
