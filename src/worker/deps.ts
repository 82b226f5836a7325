// What the worker's jobs run on: the API's command path and SLA runtime, plus its own two reads and the outbox.
import type { KpiRebuildDeps } from '../api/kpi/rebuild';
import type { MessageRepository } from '../api/messages/message-repository';
import type { SlaRuntime } from '../api/sla/runtime';
import type { CommandRunDeps } from '../api/tickets/commands/run-command';
import type { TicketRepository } from '../api/tickets/ticket-repository';
import type { PersonRef } from '../domain/tickets/types';
import type { OutboxWriter } from './outbox';
import type { WorkerTicketReads } from './ticket-reads';

export interface WorkerDeps {
  readonly tickets: TicketRepository;
  readonly messages: MessageRepository;
  readonly reads: WorkerTicketReads;
  readonly outbox: OutboxWriter;
  readonly sla: SlaRuntime;
  /** Who the worker writes as in history (role System): the API's own app registration. */
  readonly system: PersonRef;
  readonly dueDates?: CommandRunDeps['dueDates'];
  /** KPI aggregate cells (issue 7); the kpi-aggregates job does nothing without them. */
  readonly kpi?: KpiRebuildDeps;
}

/** What one run of a job did, for logs and for `npm run worker -- once <job>`. */
export interface JobReport {
  readonly job: string;
  readonly at: string;
  readonly examined: number;
  /** Outbox items written, or tickets closed. */
  readonly done: number;
  /** Already done by an earlier run (keys found), or not yet due. */
  readonly skipped: number;
  readonly problems: readonly string[];
}

export type Job = (now: Date) => Promise<JobReport>;

export const systemPerson = (clientId: string): PersonRef => ({ id: clientId, upn: `app-${clientId}@apps.local`, name: 'Service Desk (automatic)' });
