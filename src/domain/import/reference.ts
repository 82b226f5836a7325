// A first pass over the export collects what the tickets will refer to: people (and in which roles and groups they
// worked), support groups and services, and the last line of each incident, so the second pass can hand over each
// incident as soon as its last row is read, even when an export does not keep an incident's rows together.
import { categoryFor, groupFor, ownerSourceFor, personFor, serviceFor, SERVICE_OWNER_SOURCES, UNKNOWN_CALLER } from './generate';
import type { ReferenceFields } from './parse-row';
import type { GeneratedCategory, GeneratedGroup, GeneratedPerson, GeneratedService, ImportReference } from './types';

interface PersonUse {
  staff: boolean;
  analyst: boolean;
  groups: Set<string>;
}

export class ReferenceCollector {
  private readonly lastLine = new Map<string, number>();
  private readonly people = new Map<string, PersonUse>();
  private readonly groups = new Map<string, number>();
  private readonly categories = new Set<string>();
  /** category -> group -> events: a service routes to the group that most often worked its incidents. */
  private readonly routing = new Map<string, Map<string, number>>();
  /** subcategory -> category -> events: a category belongs to the service its incidents most often had. */
  private readonly subcategories = new Map<string, Map<string, number>>();
  private callerMissing = false;

  /** Every row with a usable number, good or bad, so an incident ends at its true last line. */
  noteLine(number: string, line: number): void {
    this.lastLine.set(number, line);
  }

  add(event: ReferenceFields): void {
    this.use(event.caller, 'staff');
    if (event.caller === null) this.callerMissing = true;
    for (const by of [event.openedBy, event.createdBy, event.updatedBy, event.resolvedBy]) this.use(by, 'analyst');
    if (event.group !== null) this.groups.set(event.group, (this.groups.get(event.group) ?? 0) + 1);
    if (event.category !== null) this.categories.add(event.category);
    const assignee = this.use(event.assignee, 'analyst');
    if (assignee && event.group !== null) assignee.groups.add(event.group);
    if (event.subcategory !== null) {
      const counts = this.subcategories.get(event.subcategory) ?? new Map<string, number>();
      if (event.category !== null) counts.set(event.category, (counts.get(event.category) ?? 0) + 1);
      this.subcategories.set(event.subcategory, counts);
    }
    if (event.category !== null && event.group !== null) {
      const counts = this.routing.get(event.category) ?? new Map<string, number>();
      counts.set(event.group, (counts.get(event.group) ?? 0) + 1);
      this.routing.set(event.category, counts);
    }
  }

  lastLines(): ReadonlyMap<string, number> {
    return this.lastLine;
  }

  reference(): ImportReference {
    const groups: GeneratedGroup[] = [...this.groups.keys()].sort().map((source) => ({ ...groupFor(source), source }));
    const entraOf = new Map(groups.map((g) => [g.source, g.entraGroupId]));
    // A service none of whose incidents reached a group routes to the busiest group.
    const busiest = mostUsed(this.groups);
    const people: GeneratedPerson[] = [];
    if (this.callerMissing) this.use(UNKNOWN_CALLER, 'staff');
    for (const source of SERVICE_OWNER_SOURCES) people.push({ ...personFor(source, false), jobTitle: 'Service Owner', source, roles: ['ServiceOwner'], groups: [] });
    for (const [source, use] of [...this.people].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
      const details = personFor(source, !use.analyst);
      people.push({
        ...details, source, roles: use.analyst ? ['Analyst'] : [],
        groups: [...use.groups].sort().map((g) => entraOf.get(g)!).filter(Boolean),
      });
    }
    const owners = new Map(people.filter((p) => p.roles.includes('ServiceOwner')).map((p) => [p.source, { id: p.id, upn: p.upn, name: p.name }]));
    const services: GeneratedService[] = [];
    for (const source of [...this.categories].sort()) {
      const best = mostUsed(this.routing.get(source) ?? new Map()) ?? busiest;
      if (best === null) continue; // no group anywhere in the export: services cannot route, tickets keep the key only
      const svc = serviceFor(source);
      services.push({ ...svc, source, owner: owners.get(ownerSourceFor(svc.key))!, defaultGroupKey: groupFor(best).key });
    }
    const serviceKeys = new Set(services.map((s) => s.source));
    const categories: GeneratedCategory[] = [...this.subcategories.keys()].sort().map((source) => {
      const service = mostUsed(this.subcategories.get(source)!);
      return { ...categoryFor(source), source, serviceKey: service !== null && serviceKeys.has(service) ? serviceFor(service).key : null };
    });
    return { groups, services, categories, people };
  }

  private use(source: string | null, as: 'staff' | 'analyst'): PersonUse | null {
    if (source === null) return null;
    let use = this.people.get(source);
    if (!use) this.people.set(source, (use = { staff: false, analyst: false, groups: new Set() }));
    use[as] = true;
    return use;
  }
}

/** The key with the highest count; ties go to the key that sorts first, so the result never depends on row order. */
function mostUsed(counts: ReadonlyMap<string, number>): string | null {
  let best: string | null = null;
  let bestCount = -1;
  for (const [key, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== null && key < best)) {
      best = key;
      bestCount = count;
    }
  }
  return best;
}
