// GET /api/tickets/:number/clocks: every clock with its timeline for analysts, service owners and admins; the
// caller gets each customer target and, while it is paused, whether it waits for them (access table rows
// ticket.clocks and ticket.clockTimeline).
import type { FastifyInstance } from 'fastify';
import type { TicketClocksResponse } from '../../contracts/sla';
import { authorize, may } from '../access/guard';
import type { ApiDependencies } from '../dependencies';
import { signedIn } from '../routes/request';
import { loadTicket } from '../tickets/commands/run-command';
import { clocksOf, fullClocks, requesterClocks } from './clock-view';
import { slaOf } from './common';

export function registerClockRoutes(api: FastifyInstance, deps: ApiDependencies): void {
  api.get<{ Params: { number: string } }>('/tickets/:number/clocks', async (request): Promise<TicketClocksResponse> => {
    const actor = await signedIn(deps, request);
    const stored = await loadTicket(deps.tickets, request.params.number);
    authorize(actor, 'ticket.clocks', stored.ticket);
    const now = deps.clock().getTime();
    const outcome = clocksOf(await slaOf(deps).snapshot(), stored.ticket, now);
    return may(actor, 'ticket.clockTimeline', stored.ticket) ? fullClocks(stored.ticket.number, outcome, now) : requesterClocks(stored.ticket, outcome, now);
  });
}
