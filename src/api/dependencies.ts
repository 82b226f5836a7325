import type { PriorityMatrix } from '../domain/tickets/priority';
import type { Principal } from './auth/principal';
import type { ConfigStore } from './config/config-store';
import type { MessageRepository } from './messages/message-repository';
import type { PeopleDirectory } from './people/people-directory';
import type { ReferenceRepository } from './reference/reference-repository';
import type { SlaRuntime } from './sla/runtime';
import type { KpiServices } from './kpi/kpi-services';
import type { CommandRunDeps } from './tickets/commands/run-command';
import type { DetailDeps } from './tickets/detail';
import type { TicketRepository } from './tickets/ticket-repository';

/**
 * What the API runs on. Handlers read these at request time (never at registration), so the composition root may
 * hand in getters for parts that exist only once the server listens.
 */
export interface ApiDependencies {
  readonly validateToken: (authorization: string | undefined) => Promise<Principal>;
  readonly tickets: TicketRepository;
  readonly reference: ReferenceRepository;
  readonly priorityMatrix: () => Promise<PriorityMatrix>;
  readonly clock: () => Date;
  /** Replies, work notes and command notes (the Ticket Messages list). */
  readonly messages: MessageRepository;
  /** Support groups, services, categories and settings, with ETags, for admins. */
  readonly config: ConfigStore;
  readonly people: PeopleDirectory;
  /** Forgets cached reference data and the priority matrix after an admin changed them. */
  readonly configChanged: () => void;
  readonly attachments?: DetailDeps['attachments'];
  /** The support group that takes tickets raised without a service (none: a service is required). */
  readonly triageGroupKey?: string | null;
  /** Due dates recomputed on every transition (issue 6 plugs the SLA engine in here). */
  readonly dueDates?: CommandRunDeps['dueDates'];
  /** KPI cells, tickets and clocks for the figures (issue 7); the KPI routes answer 503 without them. */
  readonly kpi?: KpiServices;
  /** Calendars, SLA policies and OLA agreements (issue 6); the SLA routes answer 503 without it. */
  readonly sla?: SlaRuntime;
}
