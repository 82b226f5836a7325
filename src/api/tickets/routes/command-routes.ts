import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { IDEMPOTENCY_HEADER } from '../../../contracts/api';
import type { FollowUpAnswer, TicketDetailAnswer } from '../../../contracts/tickets';
import type { ApiDependencies } from '../../dependencies';
import { ApiError } from '../../http/api-error';
import { bodyOf, signedIn } from '../../routes/request';
import { TICKET_COMMANDS } from '../commands/catalogue';
import { replyToClosedCommand } from '../commands/follow-up-command';
import type { CommandRequest } from '../commands/run-command';
import { loadTicket, runTicketCommand } from '../commands/run-command';
import { createIncidentCommand } from '../create-incident-command';
import { ticketDetail } from '../detail';
import { toSummaryDto } from '../to-dto';

export function registerTicketCommandRoutes(api: FastifyInstance, deps: ApiDependencies): void {
  api.post<{ Body: Record<string, unknown> | null }>('/incidents', async (request, reply) => {
    const actor = await signedIn(deps, request);
    const headerKey = request.headers[IDEMPOTENCY_HEADER];
    const key = typeof headerKey === 'string' ? headerKey : randomUUID();
    const { stored, created } = await createIncidentCommand(deps, actor.principal, bodyOf(request), key);
    void reply.status(created ? 201 : 200);
    return { ticket: toSummaryDto(stored.ticket) };
  });

  /** Every ticket command: POST /api/tickets/:number/:action with If-Match (or expectedVersion) and an Idempotency-Key. */
  api.post<{ Params: { number: string; action: string }; Body: Record<string, unknown> | null }>('/tickets/:number/:action', async (request, reply) => {
    const actor = await signedIn(deps, request);
    const command = Object.hasOwn(TICKET_COMMANDS, request.params.action) ? TICKET_COMMANDS[request.params.action] : undefined;
    if (!command) {
      throw new ApiError(404, 'not_found', `There is no ticket command "${request.params.action}". Commands: ${Object.keys(TICKET_COMMANDS).join(', ')}.`);
    }
    const ifMatch = request.headers['if-match'];
    // Aliases (major and setMajor) are one command, so a retry under the other name is still a retry.
    const action = Object.keys(TICKET_COMMANDS).find((name) => TICKET_COMMANDS[name] === command);
    const input: CommandRequest = { number: request.params.number, ifMatch: typeof ifMatch === 'string' ? ifMatch : undefined, idempotencyKey: request.headers[IDEMPOTENCY_HEADER], body: bodyOf(request), action };

    if (request.params.action === 'reply') {
      const target = await loadTicket(deps.tickets, input.number);
      if (target.ticket.state === 'Closed') {
        const { stored, created } = await replyToClosedCommand(deps, actor, target, input);
        const detail = await ticketDetail(deps, actor, stored, deps.clock());
        void reply.status(created ? 201 : 200).header('etag', detail.etag);
        return { ...detail, followUpOf: target.ticket.number } satisfies FollowUpAnswer;
      }
    }

    const { stored, replayed } = await runTicketCommand(deps, actor, command.access, input, (ticket, ctx) => command.decide(deps, input.body, ticket, ctx));
    const detail = await ticketDetail(deps, actor, stored, deps.clock());
    void reply.status(200).header('etag', detail.etag).header('idempotent-replayed', String(replayed));
    return detail satisfies TicketDetailAnswer;
  });
}
