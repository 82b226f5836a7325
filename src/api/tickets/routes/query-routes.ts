import type { FastifyInstance } from 'fastify';
import type { PageResponse, TicketSummaryDto } from '../../../contracts/api';
import type { TicketDetailAnswer } from '../../../contracts/tickets';
import { authorize } from '../../access/guard';
import type { ApiDependencies } from '../../dependencies';
import { badRequest } from '../../http/api-error';
import { pageSizeOf, signedIn } from '../../routes/request';
import { withSlaSummaries } from '../../sla/due-dates';
import { loadTicket } from '../commands/run-command';
import { ticketDetail } from '../detail';
import { groupQueueQuery } from '../queue-query';
import type { TicketPage } from '../ticket-repository';
import { toSummaryDto } from '../to-dto';

type Paging = { cursor?: string; pageSize?: string };

/** Rows carry time left or overdue and % elapsed, computed as they are read (src/api/sla). */
const summaries = async (deps: ApiDependencies, page: TicketPage): Promise<PageResponse<TicketSummaryDto>> => ({
  items: await withSlaSummaries(deps.sla, page.items.map((s) => ({ dto: toSummaryDto(s.ticket), ticket: s.ticket })), deps.clock()),
  nextCursor: page.nextCursor,
});

function statusOf(raw: string | undefined): boolean | undefined {
  if (raw === undefined || raw === '' || raw === 'all') return undefined;
  if (raw === 'open' || raw === 'closed') return raw === 'open';
  throw badRequest('status must be open, closed or all.', 'status');
}

export function registerTicketQueryRoutes(api: FastifyInstance, deps: ApiDependencies): void {
  // Registered before /queues/:groupKey; Fastify prefers the static path, so no group may be keyed "assigned-to-me".
  api.get<{ Querystring: Paging }>('/queues/assigned-to-me', async (request) => {
    const actor = await signedIn(deps, request);
    authorize(actor, 'ticket.assignedToMe');
    const page = await deps.tickets.assignedToPage(actor.person.id, { cursor: request.query.cursor ?? null, pageSize: pageSizeOf(request.query.pageSize) });
    return summaries(deps, page);
  });

  api.get<{ Params: { groupKey: string }; Querystring: Paging }>('/queues/:groupKey', async (request) =>
    groupQueueQuery(deps, await signedIn(deps, request), request.params.groupKey, request.query),
  );

  api.get<{ Querystring: Paging & { status?: string } }>('/my/tickets', async (request) => {
    const actor = await signedIn(deps, request);
    authorize(actor, 'ticket.listMine');
    const open = statusOf(request.query.status);
    const page = await deps.tickets.requestedByPage(actor.person.id, {
      cursor: request.query.cursor ?? null,
      pageSize: pageSizeOf(request.query.pageSize),
      ...(open === undefined ? {} : { open }),
    });
    return summaries(deps, page);
  });

  /** Find by number (?number=) for anyone who may read that ticket; by requester (?requester=<id>) for analysts. */
  api.get<{ Querystring: Paging & { number?: string; requester?: string; status?: string } }>('/tickets', async (request) => {
    const actor = await signedIn(deps, request);
    const { number, requester } = request.query;
    if (number !== undefined) {
      const found = number.trim() && number.length <= 48 ? await deps.tickets.findByNumber(number.trim()) : null;
      if (!found) return { items: [], nextCursor: null } satisfies PageResponse<TicketSummaryDto>;
      authorize(actor, 'ticket.read', found.ticket);
      return { items: [toSummaryDto(found.ticket)], nextCursor: null } satisfies PageResponse<TicketSummaryDto>;
    }
    if (requester === undefined || requester.trim() === '' || requester.length > 255) throw badRequest('Give ?number=<ticket number> or ?requester=<person id>.', 'requester');
    authorize(actor, 'ticket.findByRequester');
    const open = statusOf(request.query.status);
    const page = await deps.tickets.requestedByPage(requester.trim(), {
      cursor: request.query.cursor ?? null,
      pageSize: pageSizeOf(request.query.pageSize),
      ...(open === undefined ? {} : { open }),
    });
    return summaries(deps, page);
  });

  api.get<{ Params: { number: string } }>('/tickets/:number', async (request, reply): Promise<TicketDetailAnswer> => {
    const actor = await signedIn(deps, request);
    const stored = await loadTicket(deps.tickets, request.params.number);
    authorize(actor, 'ticket.read', stored.ticket);
    const detail = await ticketDetail(deps, actor, stored, deps.clock());
    void reply.header('etag', detail.etag);
    return detail;
  });
}
