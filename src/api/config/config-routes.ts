import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CategoryRecord } from '../../data/mappers/categories';
import type { ServiceRecord } from '../../data/mappers/services';
import type { SupportGroupRecord } from '../../data/mappers/support-groups';
import type { AccessAction } from '../../domain/access';
import type { Result } from '../../domain/result';
import { validateCategory, validateService, validateSupportGroup } from '../../domain/config/validate';
import type { Actor } from '../access/guard';
import { authorize } from '../access/guard';
import type { ApiDependencies } from '../dependencies';
import { badRequest, fromDomainErrors } from '../http/api-error';
import { bodyOf, signedIn } from '../routes/request';
import type { KeyedStore } from './keyed-list';
import { registerPriorityMatrixRoutes } from './priority-matrix-routes';

type Body = Readonly<Record<string, unknown>>;

interface Section<T> {
  readonly path: string;
  readonly read: AccessAction;
  readonly write: AccessAction;
  readonly store: (deps: ApiDependencies) => KeyedStore<T>;
  /** Validates the body (references checked against the stored lists) and builds the record to store. */
  readonly build: (deps: ApiDependencies, key: string, body: Body) => Promise<Result<T>>;
}

/** Keys that would shadow a fixed route (GET /api/queues/assigned-to-me). */
const RESERVED_KEYS = new Set(['assigned-to-me']);

async function buildGroup(_deps: ApiDependencies, key: string, body: Body): Promise<Result<SupportGroupRecord>> {
  // The tab's form calls the channel "teamsChannel".
  return validateSupportGroup(key, { ...body, teamsChannelId: body.teamsChannelId ?? body.teamsChannel });
}

async function buildService(deps: ApiDependencies, key: string, body: Body): Promise<Result<ServiceRecord>> {
  const groups = new Set((await deps.reference.supportGroups()).filter((g) => g.isActive).map((g) => g.key));
  // The owner may be given by object id or by UPN (Graph /users/{id | userPrincipalName} answers both).
  const ownerRef = typeof body.ownerId === 'string' && body.ownerId ? body.ownerId : body.ownerUpn;
  const owner = typeof ownerRef === 'string' && ownerRef.trim() ? await deps.people.get(ownerRef.trim()) : null;
  if (typeof ownerRef === 'string' && ownerRef.trim() && !owner) throw badRequest(`No one in the directory is ${ownerRef.trim()}.`, typeof body.ownerId === 'string' ? 'ownerId' : 'ownerUpn');
  const checked = validateService(key, { ...body, ownerId: owner?.id }, groups);
  if (!checked.ok) return checked;
  return { ok: true, value: { ...checked.value, ownerUpn: owner?.upn ?? null, ownerName: owner?.name ?? null } };
}

async function buildCategory(deps: ApiDependencies, key: string, body: Body): Promise<Result<CategoryRecord>> {
  const categories = new Set((await deps.config.categories.list()).map((c) => c.record.key));
  const services = new Set((await deps.reference.services()).map((s) => s.key));
  return validateCategory(key, body, { categories, services });
}

const SECTIONS: readonly Section<SupportGroupRecord | ServiceRecord | CategoryRecord>[] = [
  { path: '/admin/support-groups', read: 'supportGroup.read', write: 'supportGroup.write', store: (d) => d.config.supportGroups, build: buildGroup },
  { path: '/admin/services', read: 'service.read', write: 'service.write', store: (d) => d.config.services, build: buildService },
  { path: '/admin/categories', read: 'category.read', write: 'category.write', store: (d) => d.config.categories, build: buildCategory },
] as Section<SupportGroupRecord | ServiceRecord | CategoryRecord>[];

async function put<T>(deps: ApiDependencies, actor: Actor, section: Section<T>, key: string, request: FastifyRequest, creating: boolean) {
  authorize(actor, section.write);
  if (RESERVED_KEYS.has(key)) throw badRequest(`"${key}" is reserved; choose another key.`, 'key');
  const built = await section.build(deps, key, bodyOf(request));
  if (!built.ok) throw fromDomainErrors(built.errors);
  const ifMatch = request.headers['if-match'];
  // Creating with POST never overwrites; PUT without If-Match updates the record as it is now (admin data, one editor).
  const expected = typeof ifMatch === 'string' && ifMatch ? ifMatch : creating ? null : (await section.store(deps).get(key))?.etag ?? null;
  const saved = await section.store(deps).put(key, built.value, expected);
  deps.configChanged();
  return saved;
}

/** Configuration for admins: support groups, services, categories (list, create, update) and the priority matrix. */
export function registerConfigRoutes(api: FastifyInstance, deps: ApiDependencies): void {
  for (const section of SECTIONS) {
    api.get(section.path, async (request) => {
      authorize(await signedIn(deps, request), section.read);
      const all = await section.store(deps).list();
      return { items: all.map((v) => ({ ...v.record, etag: v.etag })) };
    });
    api.post(section.path, async (request, reply) => {
      const actor = await signedIn(deps, request);
      const key = bodyOf(request).key;
      if (typeof key !== 'string') throw badRequest('Give the new record a key.', 'key');
      const saved = await put(deps, actor, section, key, request, true);
      void reply.status(201).header('etag', saved.etag);
      return { ...saved.record, etag: saved.etag };
    });
    api.put<{ Params: { key: string } }>(`${section.path}/:key`, async (request, reply) => {
      const actor = await signedIn(deps, request);
      const saved = await put(deps, actor, section, request.params.key, request, false);
      void reply.status(saved.created ? 201 : 200).header('etag', saved.etag);
      return { ...saved.record, etag: saved.etag };
    });
  }
  registerPriorityMatrixRoutes(api, deps);
}
