// Who may do what, as data: one row per action on a list, naming the audiences allowed. The API's checks read this
// table, docs/access.md shows the same table, and tests/api/access-table.test.ts walks every cell over HTTP.

/** How a signed-in person relates to what they act on. Ticket actions use the person's relation to that ticket. */
export const SIGNED_IN_AUDIENCES = ['requester', 'caller', 'assignedAnalyst', 'otherAnalyst', 'serviceOwner', 'admin'] as const;
export type SignedInAudience = (typeof SIGNED_IN_AUDIENCES)[number];
/** No token, or a token that fails validation (expired, forged, wrong audience): refused with 401 before any rule. */
export const AUDIENCES = [...SIGNED_IN_AUDIENCES, 'noToken', 'badToken'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const AUDIENCE_LABELS: Readonly<Record<Audience, string>> = {
  requester: 'requester (any signed-in person)',
  caller: 'caller of the ticket',
  assignedAnalyst: 'analyst of the assigned group',
  otherAnalyst: 'analyst of another group',
  serviceOwner: 'owner of the ticket\'s service',
  admin: 'admin',
  noToken: 'no token',
  badToken: 'expired or forged token',
};

export type ListName = 'Tickets' | 'Ticket Messages' | 'Support Groups' | 'Services' | 'Categories' | 'Configuration' | 'People' | 'KPI Aggregates' | 'Calendars' | 'SLA Policies' | 'OLA Agreements';

export interface AccessRule {
  readonly list: ListName;
  readonly label: string;
  /** True when the audience depends on the ticket acted on (caller, assigned group, service owner). */
  readonly perTicket: boolean;
  readonly allow: readonly SignedInAudience[];
  /** What a refused person is told, when the generated sentence would not do. */
  readonly refusal?: string;
}

const EVERYONE: readonly SignedInAudience[] = SIGNED_IN_AUDIENCES;
const ANALYSTS: readonly SignedInAudience[] = ['assignedAnalyst', 'otherAnalyst', 'admin'];
const WORKERS: readonly SignedInAudience[] = ['assignedAnalyst', 'admin'];
const READERS: readonly SignedInAudience[] = ['caller', 'assignedAnalyst', 'otherAnalyst', 'serviceOwner', 'admin'];
const ADMINS: readonly SignedInAudience[] = ['admin'];
/** Who reads clocks' timelines and OLAs: the resolver groups, the services' owners, admins. */
const CLOCK_READERS: readonly SignedInAudience[] = ['assignedAnalyst', 'otherAnalyst', 'serviceOwner', 'admin'];

const work = (label: string): AccessRule => ({ list: 'Tickets', label, perTicket: true, allow: WORKERS });

export const ACCESS_TABLE = {
  'ticket.raise': { list: 'Tickets', label: 'raise an incident for oneself', perTicket: false, allow: EVERYONE },
  'ticket.logCall': { list: 'Tickets', label: 'log a call on behalf of a caller', perTicket: false, allow: ANALYSTS },
  'ticket.read': { list: 'Tickets', label: 'read a ticket and its history (also find by number)', perTicket: true, allow: READERS },
  'ticket.listMine': { list: 'Tickets', label: 'list my tickets (raised by me or for me)', perTicket: false, allow: EVERYONE },
  'ticket.queue': { list: 'Tickets', label: "read a group's queue", perTicket: false, allow: ANALYSTS, refusal: 'Only analysts and admins can see support group queues.' },
  'ticket.assignedToMe': { list: 'Tickets', label: 'list tickets assigned to me', perTicket: false, allow: ANALYSTS },
  'ticket.findByRequester': { list: 'Tickets', label: "find a person's tickets", perTicket: false, allow: ANALYSTS },
  'ticket.take': work('take'),
  'ticket.assign': work('assign to a person'),
  'ticket.handover': work('hand over to another group'),
  'ticket.changeImpact': work('change impact'),
  'ticket.changeUrgency': work('change urgency'),
  'ticket.setMajor': work('set or clear major incident'),
  'ticket.hold': work('put on hold'),
  'ticket.resume': { list: 'Tickets', label: 'resume from hold (the caller: only when it waits for them)', perTicket: true, allow: ['caller', 'assignedAnalyst', 'admin'] },
  'ticket.resolve': work('resolve'),
  'ticket.cancel': work('cancel as duplicate'),
  'ticket.confirm': { list: 'Tickets', label: 'confirm the resolution and rate it', perTicket: true, allow: ['caller'] },
  'ticket.reopen': { list: 'Tickets', label: 'reopen while resolved', perTicket: true, allow: ['caller', 'assignedAnalyst', 'admin'] },
  'ticket.clocks': { list: 'Tickets', label: "read a ticket's SLA targets (the caller: each target, and whether it waits for them)", perTicket: true, allow: READERS },
  'ticket.clockTimeline': { list: 'Tickets', label: 'read every SLA and OLA clock with its timeline', perTicket: true, allow: CLOCK_READERS },
  'message.readReplies': { list: 'Ticket Messages', label: 'read public replies', perTicket: true, allow: READERS },
  'message.readWorkNotes': { list: 'Ticket Messages', label: 'read work notes', perTicket: true, allow: ANALYSTS },
  'message.reply': { list: 'Ticket Messages', label: 'reply publicly (to a closed ticket: raises a follow-up)', perTicket: true, allow: ['caller', 'assignedAnalyst', 'admin'] },
  'message.workNote': { list: 'Ticket Messages', label: 'add a work note', perTicket: true, allow: ANALYSTS },
  'supportGroup.read': { list: 'Support Groups', label: 'read', perTicket: false, allow: EVERYONE },
  'supportGroup.write': { list: 'Support Groups', label: 'create or update', perTicket: false, allow: ADMINS },
  'service.read': { list: 'Services', label: 'read', perTicket: false, allow: EVERYONE },
  'service.write': { list: 'Services', label: 'create or update', perTicket: false, allow: ADMINS },
  'category.read': { list: 'Categories', label: 'read', perTicket: false, allow: EVERYONE },
  'category.write': { list: 'Categories', label: 'create or update', perTicket: false, allow: ADMINS },
  'config.read': { list: 'Configuration', label: 'read the priority matrix and resolution codes', perTicket: false, allow: EVERYONE },
  'config.write': { list: 'Configuration', label: 'change the priority matrix', perTicket: false, allow: ADMINS },
  'calendar.read': { list: 'Calendars', label: 'read calendars, closure days and bank holidays', perTicket: false, allow: EVERYONE },
  'calendar.write': { list: 'Calendars', label: 'create or update calendars and closure days, load bank holidays', perTicket: false, allow: ADMINS },
  'slaPolicy.read': { list: 'SLA Policies', label: 'read policy versions and SLA settings', perTicket: false, allow: EVERYONE },
  'slaPolicy.write': { list: 'SLA Policies', label: 'publish a policy version, change SLA settings', perTicket: false, allow: ADMINS },
  'ola.read': { list: 'OLA Agreements', label: 'read agreement versions and drafts', perTicket: false, allow: CLOCK_READERS },
  'ola.draft': { list: 'OLA Agreements', label: 'draft a version (a service owner: for the support groups of their services)', perTicket: false, allow: ['serviceOwner', 'admin'] },
  'ola.approve': { list: 'OLA Agreements', label: 'approve a draft, which publishes it', perTicket: false, allow: ADMINS },
  'people.search': { list: 'People', label: 'search people (directory)', perTicket: false, allow: ANALYSTS },
  // Service owners see only their services' figures (the API narrows the scope); analysts work from queues, not KPIs.
  'kpi.read': { list: 'KPI Aggregates', label: 'read KPI figures, trends, exports and the monthly report (owners: their services)', perTicket: false, allow: ['serviceOwner', 'admin'], refusal: 'Only service owners and admins can see KPI figures.' },
  'kpi.drill': { list: 'KPI Aggregates', label: 'list the tickets behind a KPI figure (owners: their services)', perTicket: false, allow: ['serviceOwner', 'admin'], refusal: 'Only service owners and admins can list the tickets behind KPI figures.' },
  // Targets re-rate figures for everyone, so only admins set them; owners see them beside each figure.
  'kpi.configure': { list: 'Configuration', label: 'add a version of a KPI target, change the watermelon margin', perTicket: false, allow: ADMINS, refusal: 'Only admins set KPI targets and the watermelon margin.' },
} as const satisfies Record<string, AccessRule>;

export type AccessAction = keyof typeof ACCESS_TABLE;
export const ACCESS_ACTIONS = Object.keys(ACCESS_TABLE) as AccessAction[];

export function isAllowed(action: AccessAction, audience: Audience): boolean {
  return (ACCESS_TABLE[action].allow as readonly string[]).includes(audience);
}
