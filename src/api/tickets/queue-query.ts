import type { QueuePageResponse } from '../../contracts/api';
import type { Actor } from '../access/guard';
import { authorize } from '../access/guard';
import { notFound } from '../http/api-error';
import type { ReferenceRepository } from '../reference/reference-repository';
import { pageSizeOf } from '../routes/request';
import { withSlaSummaries } from '../sla/due-dates';
import type { SlaRuntime } from '../sla/runtime';
import type { TicketRepository } from './ticket-repository';
import { toSummaryDto } from './to-dto';

export { PAGE_DEFAULT as QUEUE_PAGE_DEFAULT, PAGE_MAX as QUEUE_PAGE_MAX } from '../routes/request';

/** A support group's open tickets. Analysts read every group's queue; admins too. Requesters never see queues. */
export async function groupQueueQuery(
  deps: { tickets: TicketRepository; reference: ReferenceRepository; sla?: SlaRuntime; clock: () => Date },
  actor: Actor,
  groupKey: string,
  params: { cursor?: string | undefined; pageSize?: string | undefined },
): Promise<QueuePageResponse> {
  authorize(actor, 'ticket.queue');
  const group = (await deps.reference.supportGroups()).find((g) => g.key === groupKey);
  if (!group) throw notFound(`There is no support group with the key "${groupKey}".`);
  const pageSize = pageSizeOf(params.pageSize);
  const page = await deps.tickets.openQueuePage(group.key, { cursor: params.cursor ?? null, pageSize });
  return {
    group: { key: group.key, name: group.name },
    items: await withSlaSummaries(deps.sla, page.items.map((s) => ({ dto: toSummaryDto(s.ticket), ticket: s.ticket })), deps.clock()),
    nextCursor: page.nextCursor,
  };
}
