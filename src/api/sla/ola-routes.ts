// OLA agreements: a service owner drafts a version for a support group of their services (admins for any group);
// an admin approves it, which publishes it. Drafts never count; approved versions are never changed
// (docs/decisions/0151).
import type { FastifyInstance } from 'fastify';
import type { OlaAgreementDto } from '../../contracts/sla';
import type { DomainError } from '../../domain/result';
import { invalid } from '../../domain/result';
import { readUserText } from '../../domain/text';
import { DEFAULT_WARNING_THRESHOLDS } from '../../domain/sla/policy';
import type { OlaAgreementRecord } from '../../data/mappers/clock-policies';
import type { Actor } from '../access/guard';
import { authorize, may } from '../access/guard';
import type { ApiDependencies } from '../dependencies';
import { ApiError, forbidden, fromDomainErrors, notFound } from '../http/api-error';
import { bodyOf, signedIn } from '../routes/request';
import { ifMatchOf, nextVersion, slaOf } from './common';
import { checkKey } from './parse-calendar';
import { parsePolicyCore } from './parse-policy';

export const olaAgreementDto = (a: OlaAgreementRecord): OlaAgreementDto => ({
  key: a.id,
  version: a.version,
  name: a.name,
  groupKey: a.groupId,
  status: a.status,
  calendarKey: a.calendarId,
  effectiveFrom: a.effectiveFrom,
  effectiveTo: a.effectiveTo ?? null,
  targets: a.targets as unknown as OlaAgreementDto['targets'],
  pausedBy: a.pausedBy ?? null,
  warningThresholds: a.warningThresholds ?? DEFAULT_WARNING_THRESHOLDS,
  warnOnlyInWorkingHours: a.warnOnlyInWorkingHours !== false,
  note: a.note,
  draftedAt: a.draftedAt,
  draftedByName: a.draftedBy?.name ?? null,
  approvedAt: a.approvedAt,
  approvedByName: a.approvedBy?.name ?? null,
});

const NOTE_MAX = 4000;

/** A service owner drafts only for the default groups of services they own; admins for any group. */
async function checkDrafter(deps: ApiDependencies, actor: Actor, groupKey: string): Promise<void> {
  if (actor.facts.roles.includes('Admin')) return;
  const owned = (await deps.reference.services()).filter((s) => actor.facts.ownedServiceKeys.includes(s.key));
  if (!owned.some((s) => s.defaultGroupKey === groupKey)) {
    throw forbidden(`You may draft OLA agreements only with the support groups of the services you own${owned.length ? ` (${[...new Set(owned.map((s) => s.defaultGroupKey))].join(', ')})` : ''}.`);
  }
}

export function registerOlaRoutes(api: FastifyInstance, deps: ApiDependencies): void {
  api.get('/admin/ola-agreements', async (request) => {
    authorize(await signedIn(deps, request), 'ola.read');
    const items = (await slaOf(deps).snapshot()).olaAgreements.map(olaAgreementDto);
    return { items: items.sort((a, b) => a.key.localeCompare(b.key) || a.version - b.version) };
  });

  /** Drafts the next version; an admin may send {"publish": true} to approve it at once. */
  api.post<{ Params: { key: string } }>('/admin/ola-agreements/:key/versions', async (request, reply) => {
    const actor = await signedIn(deps, request);
    authorize(actor, 'ola.draft');
    const sla = slaOf(deps);
    const key = request.params.key;
    const body = bodyOf(request);
    const [versions, snapshot, groups] = await Promise.all([sla.store.olaAgreements.list(), sla.snapshot(), deps.reference.supportGroups()]);
    const version = nextVersion(versions, key);
    const now = deps.clock();
    const groupKey = typeof body.groupKey === 'string' ? body.groupKey.trim() : '';
    let note: string | null = null;
    const core = parsePolicyCore(body, { key, version, now: now.getTime(), calendarKeys: new Set(snapshot.calendars.keys()) }, (errors: DomainError[]) => {
      checkKey(key, errors);
      if (!groups.some((g) => g.key === groupKey)) errors.push(invalid('groupKey', groupKey ? `There is no support group "${groupKey}".` : 'Choose the support group.'));
      const earlier = versions.find((v) => v.record.id === key);
      if (earlier && earlier.record.groupId !== groupKey) errors.push(invalid('groupKey', `Agreement "${key}" is with ${earlier.record.groupId}; start a new agreement for another group.`));
      // Refused when too long or holding a control character, never cut (decision 0415).
      note = readUserText('note', body.note, errors, { required: false, max: NOTE_MAX, label: 'note', shape: 'multi-line' });
    });
    await checkDrafter(deps, actor, groupKey);
    const publish = body.publish === true;
    if (publish && !may(actor, 'ola.approve')) throw forbidden('Only admins approve OLA agreements: save it as a draft for an admin to approve.');
    const at = now.toISOString();
    const record: OlaAgreementRecord = {
      ...core, id: key, version, groupId: groupKey, status: publish ? 'Approved' : 'Draft', note,
      draftedAt: at, draftedBy: actor.person, approvedAt: publish ? at : null, approvedBy: publish ? actor.person : null,
    };
    const saved = await sla.store.olaAgreements.append(record);
    sla.invalidate();
    void reply.status(201).header('etag', saved.etag);
    return olaAgreementDto(saved.record);
  });

  api.post<{ Params: { key: string; version: string } }>('/admin/ola-agreements/:key/versions/:version/approve', async (request, reply) => {
    const actor = await signedIn(deps, request);
    authorize(actor, 'ola.approve');
    const sla = slaOf(deps);
    const { key } = request.params;
    const version = Number(request.params.version);
    const versions = (await sla.store.olaAgreements.list()).filter((v) => v.record.id === key);
    const draft = versions.find((v) => v.record.version === version);
    if (!draft) throw notFound(`There is no version ${request.params.version} of OLA agreement "${key}".`);
    if (draft.record.status !== 'Draft') throw new ApiError(409, 'conflict', `Version ${version} of "${key}" is already approved.`);
    const newest = Math.max(0, ...versions.filter((v) => v.record.status === 'Approved').map((v) => v.record.version));
    if (newest > version) throw new ApiError(409, 'conflict', `Version ${newest} of "${key}" is approved already; draft a new version instead of approving an older one.`);
    const now = deps.clock();
    if (Date.parse(draft.record.effectiveFrom) < now.getTime() - 60_000) {
      throw fromDomainErrors([invalid('effectiveFrom', `This draft would start on ${draft.record.effectiveFrom}, in the past: approving it would change clocks that already ran. Draft it again with a date from now on.`)]);
    }
    const ifMatch = ifMatchOf(request);
    if (ifMatch && ifMatch !== draft.etag) throw new ApiError(409, 'conflict', `Version ${version} of "${key}" changed since you read it: reload and try again.`);
    const approved: OlaAgreementRecord = { ...draft.record, status: 'Approved', approvedAt: now.toISOString(), approvedBy: actor.person };
    const saved = await sla.store.olaAgreements.approve(draft, approved);
    sla.invalidate();
    void reply.header('etag', saved.etag);
    return olaAgreementDto(saved.record);
  });
}
