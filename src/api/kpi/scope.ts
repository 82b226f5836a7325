// Who sees which figures: admins any group and service; a service owner only the services they own (asking for
// another is refused, asking for none means all of theirs). The access table decides who gets this far.
import type { Actor } from '../access/guard';
import { ApiError, badRequest } from '../http/api-error';
import type { KpiServices } from './kpi-services';
import type { KpiScope } from './report';

const KEY = /^[A-Za-z0-9_.-]{1,64}$/;

function keyParam(value: string | undefined, name: string): string | null {
  if (value === undefined || value === '') return null;
  if (!KEY.test(value)) throw badRequest(`${name} must be a ${name} key.`, name);
  return value;
}

export function scopeFor(actor: Actor, group: string | undefined, service: string | undefined): KpiScope {
  const groupKey = keyParam(group, 'group');
  const serviceKey = keyParam(service, 'service');
  const admin = actor.facts.roles.includes('Admin');
  if (admin) return { groupIds: groupKey ? [groupKey] : null, serviceIds: serviceKey ? [serviceKey] : null };
  const owned = actor.facts.ownedServiceKeys;
  if (serviceKey && !owned.includes(serviceKey)) throw new ApiError(403, 'forbidden', 'You can see the figures of the services you own only.');
  return { groupIds: groupKey ? [groupKey] : null, serviceIds: serviceKey ? [serviceKey] : [...owned] };
}

/**
 * scopeFor, and the keys must name a support group or service that exists (active or not: old figures keep theirs).
 * An unknown key would answer zeros that look like a real, quiet period.
 */
export async function knownScope(services: KpiServices, actor: Actor, group: string | undefined, service: string | undefined): Promise<KpiScope> {
  const scope = scopeFor(actor, group, service);
  const groupKey = keyParam(group, 'group');
  const serviceKey = keyParam(service, 'service');
  const [groups, svcs] = await Promise.all([services.layer.reference.supportGroups(), services.layer.reference.services()]);
  if (groupKey && !groups.some((g) => g.key === groupKey)) throw badRequest(`No support group has the key '${groupKey}'.`, 'group');
  if (serviceKey && !svcs.some((s) => s.key === serviceKey)) throw badRequest(`No service has the key '${serviceKey}'.`, 'service');
  return scope;
}
