// Support groups, services, categories and people an import refers to, ensured idempotently before its tickets: what is missing
// is created, what exists is left as it is (administrators may have renamed a group since the first import).
import { ConflictError } from '../../data/errors';
import type { ListsGateway } from '../../data/lists/lists-gateway';
import { categoryFromItem, categoryToFields } from '../../data/mappers/categories';
import { serviceFromItem, serviceToFields } from '../../data/mappers/services';
import { supportGroupFromItem, supportGroupToFields } from '../../data/mappers/support-groups';
import type { GeneratedPerson, ImportReference } from '../../domain/import/types';
import type { Principal } from '../auth/principal';
import { requireImportRights } from './import-command';

/** Where people go: the local directory in the embedded default; in a tenant Entra holds them and this is absent. */
export interface PeopleDirectory {
  /** Adds or refreshes people by UPN; returns how many were new. */
  ensurePeople(people: readonly GeneratedPerson[]): Promise<{ created: number; existing: number }>;
}

export interface ReferenceCounts {
  readonly created: number;
  readonly unchanged: number;
}

export interface EnsureReferenceResult {
  readonly groups: ReferenceCounts;
  readonly services: ReferenceCounts;
  readonly categories: ReferenceCounts;
  readonly people: ReferenceCounts | 'not-written';
}

export interface EnsureReferenceDeps {
  readonly gateway: ListsGateway;
  readonly lists: { readonly supportGroups: string; readonly services: string; readonly categories: string };
  readonly directory: PeopleDirectory | null;
}

const CAP = 5000;

async function ensureEach<T>(have: ReadonlySet<string>, wanted: readonly T[], keyOf: (t: T) => string, create: (t: T) => Promise<void>): Promise<ReferenceCounts> {
  let created = 0;
  for (const item of wanted) {
    if (have.has(keyOf(item).toLowerCase())) continue;
    try {
      await create(item);
      created += 1;
    } catch (error) {
      // Another run created it between our read and our write: it exists, which is all we wanted.
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  return { created, unchanged: wanted.length - created };
}

export async function ensureReferenceCommand(deps: EnsureReferenceDeps, principal: Principal, reference: ImportReference): Promise<EnsureReferenceResult> {
  requireImportRights(principal);
  const { gateway, lists } = deps;
  const groupKeys = new Set((await gateway.listAll(lists.supportGroups, { top: 500 }, { maxItems: CAP })).map((i) => supportGroupFromItem(i).key.toLowerCase()));
  const groups = await ensureEach(groupKeys, reference.groups, (g) => g.key, async (g) => {
    await gateway.createItem(lists.supportGroups, supportGroupToFields({ key: g.key, name: g.name, entraGroupId: g.entraGroupId, teamsChannelId: null, isActive: true }));
  });
  const serviceKeys = new Set((await gateway.listAll(lists.services, { top: 500 }, { maxItems: CAP })).map((i) => serviceFromItem(i).key.toLowerCase()));
  const services = await ensureEach(serviceKeys, reference.services, (s) => s.key, async (s) => {
    await gateway.createItem(
      lists.services,
      serviceToFields({ key: s.key, name: s.name, ownerId: s.owner.id, ownerUpn: s.owner.upn, ownerName: s.owner.name, defaultGroupKey: s.defaultGroupKey, isActive: true }),
    );
  });
  // Categories are the export's subcategories: the tickets hold their keys, so the tab can name them.
  const categoryKeys = new Set((await gateway.listAll(lists.categories, { top: 5000 }, { maxItems: 100_000 })).map((i) => categoryFromItem(i).key.toLowerCase()));
  const categories = await ensureEach(categoryKeys, reference.categories, (c) => c.key, async (c) => {
    await gateway.createItem(lists.categories, categoryToFields({ key: c.key, name: c.name, parentKey: null, serviceKey: c.serviceKey, isActive: true }));
  });
  let people: EnsureReferenceResult['people'] = 'not-written';
  if (deps.directory) {
    const r = await deps.directory.ensurePeople(reference.people);
    people = { created: r.created, unchanged: r.existing };
  }
  return { groups, services, categories, people };
}
