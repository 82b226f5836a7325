import type { QueuePageResponse } from '../../contracts/api';
import type { Principal } from '../auth/principal';
import { hasRole } from '../auth/principal';
import { badRequest, forbidden, notFound } from '../http/api-error';
import type { ReferenceRepository } from '../reference/reference-repository';
import type { TicketRepository } from './ticket-repository';
import { toSummaryDto } from './to-dto';

export const QUEUE_PAGE_DEFAULT = 50;
export const QUEUE_PAGE_MAX = 200;

/** A support group's open tickets. Analysts read every group's queue; admins too. Requesters never see queues. */
export async function groupQueueQuery(
  deps: { tickets: TicketRepository; reference: ReferenceRepository },
  principal: Principal,
  groupKey: string,
  params: { cursor?: string | undefined; pageSize?: string | undefined },
): Promise<QueuePageResponse> {
  if (!hasRole(principal, 'Analyst') && !hasRole(principal, 'Admin')) {
    throw forbidden('Only analysts and admins can see support group queues.');
  }
  const group = (await deps.reference.supportGroups()).find((g) => g.key === groupKey);
  if (!group) throw notFound(`There is no support group with the key "${groupKey}".`);
  const pageSize = params.pageSize === undefined ? QUEUE_PAGE_DEFAULT : Number(params.pageSize);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > QUEUE_PAGE_MAX) {
    throw badRequest(`pageSize must be a whole number from 1 to ${QUEUE_PAGE_MAX}.`, 'pageSize');
  }
  const page = await deps.tickets.openQueuePage(group.key, { cursor: params.cursor ?? null, pageSize });
  return {
    group: { key: group.key, name: group.name },
    items: page.items.map((s) => toSummaryDto(s.ticket)),
    nextCursor: page.nextCursor,
  };
}
