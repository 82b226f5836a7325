import type { Principal } from '../../api/auth/principal';
import type { CreateIncidentDeps } from '../../api/tickets/create-incident-command';
import { createIncidentCommand } from '../../api/tickets/create-incident-command';
import type { ListsGateway } from '../../data/lists/lists-gateway';
import type { FieldValues } from '../../data/mappers/fields';
import { serviceToFields } from '../../data/mappers/services';
import { supportGroupToFields } from '../../data/mappers/support-groups';
import { field } from '../../data/odata';
import type { Impact, Urgency } from '../../domain/tickets/types';
import type { SeedService } from './catalogue';
import { SEED_GROUPS, SEED_SERVICES } from './catalogue';
import type { SeedPerson } from './people';
import { generateOrganisation } from './people';
import { pick, seededRandom } from '../../domain/generated/random';

export const SEED = 20_261_203;
export const SEED_TICKETS = 300;
const STAFF = 60;
const DAY_MS = 86_400_000;

export interface SeedTarget {
  readonly gateway: ListsGateway;
  readonly lists: { readonly supportGroups: string; readonly services: string };
  /** Puts a person in the directory the local issuer signs tokens for. */
  readonly upsertPerson: (person: SeedPerson) => void;
  /** The create command's dependencies, with the clock left to the seed. */
  readonly commandDeps: Omit<CreateIncidentDeps, 'clock'>;
  readonly now: Date;
  readonly log: (line: string) => void;
}

async function ensureByKey(gateway: ListsGateway, listId: string, keyColumn: string, key: string, fields: FieldValues): Promise<void> {
  const found = await gateway.queryItems(listId, { filter: field(keyColumn).eq(key), top: 1 });
  if (found.items.length === 0) await gateway.createItem(listId, fields);
}

const weighted = (random: () => number): 1 | 2 | 3 => (random() < 0.1 ? 1 : random() < 0.45 ? 2 : 3);

/**
 * Seeds people, groups, services and tickets from a fixed seed. Safe to run again after an interruption:
 * reference rows are ensured by key and tickets carry deterministic idempotency keys.
 */
export async function seedDemo(target: SeedTarget): Promise<{ people: number; tickets: number }> {
  const random = seededRandom(SEED);
  const org = generateOrganisation(random, SEED_GROUPS, STAFF);
  org.people.forEach(target.upsertPerson);

  for (const g of SEED_GROUPS) {
    const fields = supportGroupToFields({ key: g.key, name: g.name, entraGroupId: org.entraGroupIds[g.key]!, teamsChannelId: null, isActive: true });
    await ensureByKey(target.gateway, target.lists.supportGroups, 'GroupKey', g.key, fields);
  }
  const owners = org.people.filter((p) => p.roles.includes('ServiceOwner'));
  for (const [i, s] of SEED_SERVICES.entries()) {
    const owner = owners[i % owners.length]!;
    const fields = serviceToFields({ key: s.key, name: s.name, ownerId: owner.id, ownerUpn: owner.upn, ownerName: owner.name, defaultGroupKey: s.defaultGroupKey, isActive: true });
    await ensureByKey(target.gateway, target.lists.services, 'ServiceKey', s.key, fields);
  }

  const staff = org.people.filter((p) => p.roles.length === 0);
  const plans = Array.from({ length: SEED_TICKETS }, (_, i) => {
    const service: SeedService = pick(random, SEED_SERVICES);
    return {
      key: `seed-${SEED}-${i}`,
      caller: pick(random, staff),
      at: new Date(target.now.getTime() - Math.floor(random() * 30 * DAY_MS)),
      body: { title: pick(random, service.titles), description: `Reported through Teams. Reference ${i + 1}.`, serviceId: service.key, impact: weighted(random) as Impact, urgency: weighted(random) as Urgency },
    };
  }).sort((a, b) => a.at.getTime() - b.at.getTime());

  for (const plan of plans) {
    const principal: Principal = { id: plan.caller.id, upn: plan.caller.upn, name: plan.caller.name, roles: [], groups: [] };
    await createIncidentCommand({ ...target.commandDeps, clock: () => plan.at }, principal, plan.body, plan.key);
  }
  target.log(`Seeded ${org.people.length} people, ${SEED_GROUPS.length} support groups, ${SEED_SERVICES.length} services and ${plans.length} tickets.`);
  return { people: org.people.length, tickets: plans.length };
}
