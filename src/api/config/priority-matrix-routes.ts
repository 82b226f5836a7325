import type { FastifyInstance } from 'fastify';
import { DEFAULT_PRIORITY_MATRIX, validatePriorityMatrix } from '../../domain/tickets/priority';
import { authorize } from '../access/guard';
import type { ApiDependencies } from '../dependencies';
import { ApiError } from '../http/api-error';
import { bodyOf, signedIn } from '../routes/request';
import { PRIORITY_MATRIX_KEY } from './priority-matrix';

export function registerPriorityMatrixRoutes(api: FastifyInstance, deps: ApiDependencies): void {
  api.get('/admin/priority-matrix', async (request) => {
    authorize(await signedIn(deps, request), 'config.read');
    const stored = await deps.config.settings.get(PRIORITY_MATRIX_KEY);
    return { matrix: await deps.priorityMatrix(), isDefault: stored === null, etag: stored?.etag ?? null, updatedAt: stored?.record.updatedAt ?? null, updatedByName: stored?.record.updatedByName ?? null };
  });

  /** New and changed tickets take priorities from the saved matrix; existing tickets keep theirs until changed. */
  api.put('/admin/priority-matrix', async (request) => {
    const actor = await signedIn(deps, request);
    authorize(actor, 'config.write');
    const matrix = bodyOf(request).matrix;
    const problems = validatePriorityMatrix(matrix);
    if (problems.length > 0) throw new ApiError(400, 'validation', `The matrix was not saved: ${problems.join(' ')}`, problems.map((message) => ({ field: 'matrix', message })));
    const ifMatch = request.headers['if-match'];
    const current = await deps.config.settings.get(PRIORITY_MATRIX_KEY);
    const expected = typeof ifMatch === 'string' && ifMatch ? ifMatch : (current?.etag ?? null);
    const saved = await deps.config.settings.put(
      PRIORITY_MATRIX_KEY,
      { key: PRIORITY_MATRIX_KEY, value: matrix, updatedAt: deps.clock().toISOString(), updatedById: actor.person.id, updatedByName: actor.person.name },
      expected,
    );
    deps.configChanged();
    return { matrix, isDefault: false, etag: saved.etag, default: DEFAULT_PRIORITY_MATRIX };
  });
}
