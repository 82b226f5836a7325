// KPI targets and the watermelon margin (issue 7): owners and admins read them (every figure shows its target); only
// admins change them (kpi.configure). Targets are only added, one version at a time, never from a past date, so a
// reported period keeps its rating (docs/decisions/0084, 0404). Changes honour If-Match like the other admin routes.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DEFAULT_WATERMELON_MARGIN, nextTargetVersion, validateTargetChange, watermelonMarginProblem, type TargetError } from '../../domain/kpi';
import type { KpiSettingsDto } from '../../contracts/kpi-settings';
import { authorize, type Actor } from '../access/guard';
import type { ApiDependencies } from '../dependencies';
import { ApiError } from '../http/api-error';
import { bodyOf, signedIn } from '../routes/request';
import { ifMatchOf } from '../sla/common';
import { KPI_SETTINGS_KEY, parseKpiSettings, readKpiSettingsDto, type KpiSettings } from './kpi-settings';
import type { KpiServices } from './kpi-services';
import { parseTargetVersion } from './parse-target';

function servicesOf(deps: ApiDependencies): KpiServices {
  if (!deps.kpi) throw new ApiError(503, 'unavailable', 'KPI figures are not set up on this server.');
  return deps.kpi;
}

/** 400 with the first problem's code and every problem beside its field. */
function refused(errors: readonly TargetError[]): ApiError {
  const message = errors.map((e) => `${e.field}: ${e.message}`).join(' ');
  return new ApiError(400, errors[0]!.code, message, errors.map((e) => ({ field: e.field, message: e.message })));
}

/** The saved settings, refusing a stale If-Match before any work is done. */
async function current(deps: ApiDependencies, request: FastifyRequest) {
  const stored = await servicesOf(deps).layer.config.settings.get(KPI_SETTINGS_KEY);
  const ifMatch = ifMatchOf(request);
  if (ifMatch && ifMatch !== (stored?.etag ?? null)) throw new ApiError(409, 'conflict', 'The KPI settings changed since you read them: reload and apply your change again.');
  return { settings: stored ? parseKpiSettings(stored.record.value) : null, etag: ifMatch ?? stored?.etag ?? null };
}

async function save(deps: ApiDependencies, actor: Actor, value: KpiSettings, etag: string | null): Promise<KpiSettingsDto> {
  const config = servicesOf(deps).layer.config;
  const record = { key: KPI_SETTINGS_KEY, value, updatedAt: deps.clock().toISOString(), updatedById: actor.person.id, updatedByName: actor.person.name };
  await config.settings.put(KPI_SETTINGS_KEY, record, etag);
  return readKpiSettingsDto(config);
}

export function registerKpiSettingsRoutes(api: FastifyInstance, deps: ApiDependencies): void {
  api.get('/admin/kpi-settings', async (request): Promise<KpiSettingsDto> => {
    authorize(await signedIn(deps, request), 'kpi.read');
    return readKpiSettingsDto(servicesOf(deps).layer.config);
  });

  /** Adds the next version of target :id (the first one starts the series). */
  api.post<{ Params: { id: string } }>('/admin/kpi-targets/:id/versions', async (request, reply) => {
    const actor = await signedIn(deps, request);
    authorize(actor, 'kpi.configure');
    const body = bodyOf(request);
    const { settings, etag } = await current(deps, request);
    const saved = settings?.targets ?? [];
    const id = request.params.id;
    const version = nextTargetVersion(saved, id);
    if (body.version !== undefined && body.version !== version) {
      throw new ApiError(409, 'conflict', `Version ${String(body.version)} of "${id}" cannot be added: the next version is ${version}. Reload to see what changed.`);
    }
    const [groups, services] = await Promise.all([deps.reference.supportGroups(), deps.reference.services()]);
    const parsed = parseTargetVersion(id, version, body, { groupKeys: new Set(groups.map((g) => g.key)), serviceKeys: new Set(services.map((s) => s.key)) });
    const errors = parsed.errors.length > 0 ? parsed.errors : validateTargetChange(saved, parsed.target, deps.clock().getTime());
    if (errors.length > 0) throw refused(errors);
    const target = { ...parsed.target, createdAt: deps.clock().toISOString(), createdByName: actor.person.name };
    const answer = await save(deps, actor, { targets: [...saved, target], watermelonMarginPoints: settings?.watermelonMarginPoints ?? DEFAULT_WATERMELON_MARGIN }, etag);
    void reply.status(201).header('etag', answer.etag ?? '');
    return answer;
  });

  /** The watermelon margin. Targets are refused here: they change one version at a time (above). */
  api.put('/admin/kpi-settings', async (request): Promise<KpiSettingsDto> => {
    const actor = await signedIn(deps, request);
    authorize(actor, 'kpi.configure');
    const body = bodyOf(request);
    if ('targets' in body) {
      const message = 'Targets change one version at a time: POST /api/admin/kpi-targets/:id/versions.';
      throw new ApiError(400, 'targets_are_versioned', `targets: ${message}`, [{ field: 'targets', message }]);
    }
    const margin = body.watermelonMarginPoints;
    const problem = watermelonMarginProblem(margin);
    if (problem) throw new ApiError(400, 'invalid_margin', `watermelonMarginPoints: ${problem}`, [{ field: 'watermelonMarginPoints', message: problem }]);
    const { settings, etag } = await current(deps, request);
    return save(deps, actor, { targets: settings?.targets ?? [], watermelonMarginPoints: margin as number }, etag);
  });
}
