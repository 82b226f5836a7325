// Shapes of the legacy-export import: parsed event rows, rebuilt tickets, reference data and the report of quirks.
import type { AppRole, ContactChannel, HoldReason, Impact, PersonRef, Priority, Ticket, TicketState, Urgency } from '../tickets/types';

/** One event row of the export after parsing: the incident's state after one update. Instants are ISO-8601 UTC. */
export interface SourceEvent {
  /** 1-based line of the row in the file (the header is line 1). */
  readonly line: number;
  readonly number: string;
  /** The state as the export names it; mapped later, so unknown states can be counted per incident. */
  readonly stateText: string;
  readonly modCount: number;
  readonly madeSla: boolean | null;
  readonly caller: string | null;
  readonly openedBy: string | null;
  readonly createdBy: string | null;
  readonly updatedBy: string | null;
  readonly openedAt: string;
  readonly updatedAt: string;
  readonly resolvedAt: string | null;
  readonly closedAt: string | null;
  readonly contactType: string | null;
  readonly location: string | null;
  readonly category: string | null;
  readonly subcategory: string | null;
  readonly symptom: string | null;
  readonly impact: Impact;
  readonly urgency: Urgency;
  readonly priority: Priority;
  readonly group: string | null;
  readonly assignee: string | null;
  readonly closeCode: string | null;
  readonly resolvedBy: string | null;
  readonly problem: string | null;
  readonly vendor: string | null;
  /** Local times that needed a rule (DST gap or overlap): counted once per row. */
  readonly timeAdjustments: readonly string[];
}

/** A row that could not be used, for the bad-rows report. */
export interface RowProblem {
  readonly line: number;
  readonly number: string | null;
  readonly reason: string;
}

/** Where a source state lands in the product. */
export interface StateTarget {
  readonly state: TicketState;
  readonly holdReason?: HoldReason;
}

/** A person the import needs in the directory, generated from the export's pseudonym. */
export interface GeneratedPerson extends PersonRef {
  /** The export's own value ("Caller 2403"), kept so every generated person can be traced back. */
  readonly source: string;
  readonly jobTitle: string;
  readonly department: string;
  readonly roles: readonly AppRole[];
  /** Entra group ids (support groups this person worked in). */
  readonly groups: readonly string[];
}

export interface GeneratedGroup {
  readonly key: string;
  readonly name: string;
  readonly entraGroupId: string;
  readonly source: string;
}

export interface GeneratedService {
  readonly key: string;
  readonly name: string;
  readonly owner: PersonRef;
  readonly defaultGroupKey: string;
  readonly source: string;
}

export interface GeneratedCategory {
  readonly key: string;
  readonly name: string;
  /** The service its incidents most often had. */
  readonly serviceKey: string | null;
  readonly source: string;
}

/** Support groups, services, categories and people an import needs before its tickets. */
export interface ImportReference {
  readonly groups: readonly GeneratedGroup[];
  readonly services: readonly GeneratedService[];
  readonly categories: readonly GeneratedCategory[];
  readonly people: readonly GeneratedPerson[];
}

/** One incident rebuilt as a ticket, with what the previous tool recorded beside it. */
export interface RebuiltTicket {
  readonly ticket: Ticket;
  /** made_sla on the incident's last event: the previous tool's own verdict, not this product's clocks. */
  readonly previousToolMadeSla: boolean | null;
  readonly sourceSystem: string;
  /** Number of event rows the ticket was rebuilt from. */
  readonly events: number;
}

/** Counts by reason; reasons are short sentences a person can read in the summary. */
export type QuirkCounts = Map<string, number>;

export type ChannelMap = Readonly<Record<string, ContactChannel>>;
