// The SLA engine behind the ticket write's `dueDates` hook and the list summaries.
import type { TicketSummaryDto } from '../../contracts/api';
import type { Ticket } from '../../domain/tickets/types';
import type { CommandRunDeps } from '../tickets/commands/run-command';
import { clocksOf, slaSummary, storedDueDates } from './clock-view';
import type { SlaRuntime } from './runtime';

/**
 * Due dates recomputed from the next version of the ticket on every write. They are derived data: if the SLA
 * configuration cannot be read, the write goes ahead and leaves them as they were (the next write recomputes them).
 */
export function slaDueDates(runtime: SlaRuntime, warn: (message: string) => void = console.warn): NonNullable<CommandRunDeps['dueDates']> {
  return async (ticket: Ticket, now: Date) => {
    try {
      return storedDueDates(clocksOf(await runtime.snapshot(), ticket, now.getTime()));
    } catch (error) {
      warn(`Due dates of ${ticket.number} were not recomputed: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  };
}

/** List rows with time left or overdue and % elapsed, computed when the list is read. */
export async function withSlaSummaries(runtime: SlaRuntime | undefined, rows: readonly { dto: TicketSummaryDto; ticket: Ticket }[], now: Date): Promise<TicketSummaryDto[]> {
  if (!runtime) return rows.map((r) => r.dto);
  const snapshot = await runtime.snapshot();
  const at = now.getTime();
  return rows.map((r) => ({ ...r.dto, sla: slaSummary(r.ticket, clocksOf(snapshot, r.ticket, at)) }));
}
