// SLA policies (admins publish versions; everyone signed in reads) and SLA settings (auto-close days).
// Versions are only added: a clock uses the version in force when it started (docs/decisions/0150).
import type { FastifyInstance } from 'fastify';
import type { SlaPolicyDto, SlaSettingsDto } from '../../contracts/sla';
import { DEFAULT_WARNING_THRESHOLDS } from '../../domain/sla/policy';
import type { SlaPolicyRecord } from '../../data/mappers/clock-policies';
import type { DomainError } from '../../domain/result';
import { invalid } from '../../domain/result';
import { authorize } from '../access/guard';
import type { ApiDependencies } from '../dependencies';
import { fromDomainErrors } from '../http/api-error';
import { bodyOf, signedIn } from '../routes/request';
import { ifMatchOf, nextVersion, slaOf } from './common';
import { checkKey } from './parse-calendar';
import { parsePolicyCore } from './parse-policy';
import { DEFAULT_SLA_SETTINGS, SLA_SETTINGS_KEY } from './runtime';

export const slaPolicyDto = (p: SlaPolicyRecord): SlaPolicyDto => ({
  key: p.id,
  version: p.version,
  name: p.name,
  serviceId: p.serviceId,
  calendarKey: p.calendarId,
  effectiveFrom: p.effectiveFrom,
  effectiveTo: p.effectiveTo ?? null,
  targets: p.targets as unknown as SlaPolicyDto['targets'],
  pausedBy: p.pausedBy ?? null,
  warningThresholds: p.warningThresholds ?? DEFAULT_WARNING_THRESHOLDS,
  warnOnlyInWorkingHours: p.warnOnlyInWorkingHours !== false,
  createdAt: p.createdAt,
  createdByName: p.createdBy?.name ?? null,
});

const byKeyAndVersion = (a: { key: string; version: number }, b: { key: string; version: number }) => a.key.localeCompare(b.key) || a.version - b.version;

export function registerPolicyRoutes(api: FastifyInstance, deps: ApiDependencies): void {
  api.get('/admin/sla-policies', async (request) => {
    authorize(await signedIn(deps, request), 'slaPolicy.read');
    const snapshot = await slaOf(deps).snapshot();
    return { items: snapshot.slaPolicies.map(slaPolicyDto).sort(byKeyAndVersion) };
  });

  /** Publishes the next version of a policy (the first one creates it). */
  api.post<{ Params: { key: string } }>('/admin/sla-policies/:key/versions', async (request, reply) => {
    const actor = await signedIn(deps, request);
    authorize(actor, 'slaPolicy.write');
    const sla = slaOf(deps);
    const key = request.params.key;
    const body = bodyOf(request);
    const [versions, snapshot, services] = await Promise.all([sla.store.slaPolicies.list(), sla.snapshot(), deps.reference.services()]);
    const version = nextVersion(versions, key);
    const now = deps.clock().getTime();
    let serviceId: string | null = null;
    const core = parsePolicyCore(body, { key, version, now, calendarKeys: new Set(snapshot.calendars.keys()) }, (errors: DomainError[]) => {
      checkKey(key, errors);
      const wanted = body.serviceId;
      if (wanted !== undefined && wanted !== null && wanted !== '') {
        if (typeof wanted !== 'string' || !services.some((s) => s.key === wanted)) errors.push(invalid('serviceId', `There is no service "${String(wanted)}".`));
        else serviceId = wanted;
      }
      const earlier = versions.find((v) => v.record.id === key);
      if (earlier && earlier.record.serviceId !== (serviceId ?? null)) {
        errors.push(invalid('serviceId', `Policy "${key}" is for ${earlier.record.serviceId ? `service ${earlier.record.serviceId}` : 'every service'}; start a new policy for another service.`));
      }
    });
    const record: SlaPolicyRecord = { ...core, id: key, version, serviceId, createdAt: new Date(now).toISOString(), createdBy: actor.person };
    const saved = await sla.store.slaPolicies.append(record);
    sla.invalidate();
    void reply.status(201).header('etag', saved.etag);
    return slaPolicyDto(saved.record);
  });

  api.get('/admin/sla-settings', async (request): Promise<SlaSettingsDto> => {
    authorize(await signedIn(deps, request), 'slaPolicy.read');
    const sla = slaOf(deps);
    const [snapshot, stored] = await Promise.all([sla.snapshot(), sla.store.settings.get(SLA_SETTINGS_KEY)]);
    return { autoCloseBusinessDays: snapshot.settings.autoCloseBusinessDays, etag: stored?.etag ?? null };
  });

  api.put('/admin/sla-settings', async (request): Promise<SlaSettingsDto> => {
    const actor = await signedIn(deps, request);
    authorize(actor, 'slaPolicy.write');
    const days = bodyOf(request).autoCloseBusinessDays;
    if (!Number.isInteger(days) || (days as number) < 1 || (days as number) > 60) {
      throw fromDomainErrors([invalid('autoCloseBusinessDays', `Resolved tickets close after a whole number of working days from 1 to 60 (the default is ${DEFAULT_SLA_SETTINGS.autoCloseBusinessDays}).`)]);
    }
    const sla = slaOf(deps);
    const current = await sla.store.settings.get(SLA_SETTINGS_KEY);
    const value = { autoCloseBusinessDays: days as number };
    const saved = await sla.store.settings.put(SLA_SETTINGS_KEY, { key: SLA_SETTINGS_KEY, value, updatedAt: deps.clock().toISOString(), updatedById: actor.person.id, updatedByName: actor.person.name }, ifMatchOf(request) ?? current?.etag ?? null);
    sla.invalidate();
    return { ...value, etag: saved.etag };
  });
}
