import type { FastifyInstance } from 'fastify';
import type { PageResponse, PersonDto } from '../../contracts/api';
import { authorize } from '../access/guard';
import type { ApiDependencies } from '../dependencies';
import { badRequest } from '../http/api-error';
import { signedIn } from '../routes/request';
import { loadTicket } from '../tickets/commands/run-command';
import { assigneeRefusal } from './assignee';

const SEARCH_MAX = 100;

/**
 * GET /api/people?search= (or ?q=): a prefix search of the directory through Graph /users, for analysts and admins.
 * With `assignableTo=<ticket number>`, only the people that ticket may be assigned to (the Assign picker).
 */
export function registerPeopleRoutes(api: FastifyInstance, deps: ApiDependencies): void {
  api.get<{ Querystring: { search?: string; q?: string; top?: string; assignableTo?: string } }>('/people', async (request): Promise<PageResponse<PersonDto>> => {
    authorize(await signedIn(deps, request), 'people.search');
    const text = (request.query.search ?? request.query.q ?? '').trim();
    if (text.length > SEARCH_MAX) throw badRequest(`Search with at most ${SEARCH_MAX} characters.`, 'search');
    const top = request.query.top === undefined ? 20 : /^\d{1,3}$/.test(request.query.top) ? Number(request.query.top) : Number.NaN;
    if (!Number.isInteger(top) || top < 1 || top > 50) throw badRequest('top must be a whole number from 1 to 50.', 'top');
    // Fewer than two characters would list half the directory: answer with nothing rather than a wall of names.
    if (text.length < 2) return { items: [], nextCursor: null };
    const found = await deps.people.search(text, top);
    if (request.query.assignableTo === undefined) return { items: found, nextCursor: null };
    const { ticket } = await loadTicket(deps.tickets, request.query.assignableTo);
    const refusals = await Promise.all(found.map((person) => assigneeRefusal(deps, person, ticket)));
    return { items: found.filter((_, i) => refusals[i] === null), nextCursor: null };
  });
}
