// Every KPI the engine computes, with its definition as data: the UI shows these beside each number. The same words
// are in docs/kpi-definitions.md (a test keeps the two equal).

export const KPI_IDS = [
  'opened', 'resolved', 'closed', 'cancelled', 'reopened',
  'backlog', 'backlogGrowth', 'backlogAge',
  'mttrCalendarMean', 'mttrCalendarMedian', 'mttrCalendarP90', 'mttrBusinessMean', 'mttrBusinessMedian', 'mttrBusinessP90',
  'slaResolution', 'slaResponse', 'slaPreviousTool', 'olaResolution', 'olaResponse',
  'firstGroupResolution', 'reopenRate', 'reassignmentsPerTicket', 'onHoldShare', 'satisfaction',
] as const;
export type KpiId = (typeof KPI_IDS)[number];

export type Population =
  | 'openedIn' | 'resolvedIn' | 'closedIn' | 'cancelledIn' | 'reopenedIn' | 'openAtEnd' | 'openAtStartAndEnd'
  | 'respondedIn' | 'olaStintCompletedIn' | 'olaStintRespondedIn' | 'ratedIn';

/** How the UI names each population beside a number. */
export const POPULATION_TEXT: Readonly<Record<Population, string>> = {
  openedIn: 'Tickets opened in the period',
  resolvedIn: 'Tickets resolved in the period',
  closedIn: 'Tickets closed in the period',
  cancelledIn: 'Tickets cancelled in the period',
  reopenedIn: 'Tickets reopened in the period',
  openAtEnd: 'Tickets open at the end of the period',
  openAtStartAndEnd: 'Tickets open at the end of the period but not at its start, and at its start but not at its end',
  respondedIn: 'Tickets whose SLA response was decided in the period',
  olaStintCompletedIn: 'Group stints whose OLA resolution clock completed in the period',
  olaStintRespondedIn: 'Group stints whose OLA response was decided in the period',
  ratedIn: 'Tickets rated in the period',
};

export type FigureUnit = 'tickets' | 'percent' | 'duration' | 'perTicket' | 'rating';
export type Direction = 'higherIsBetter' | 'lowerIsBetter';

export interface KpiDefinition {
  readonly id: KpiId;
  readonly title: string;
  readonly unit: FigureUnit;
  readonly population: Population;
  readonly numerator: string;
  readonly denominator: string | null;
  readonly clock: string | null;
  /** The usual direction, offered when an admin sets a target; null for volumes, which have no better way. */
  readonly direction: Direction | null;
}

const RESOLVED_POP = 'Tickets resolved in the period, each once, at its last resolution in the period.';
const MTTR_NUM = 'the time from opening to the counted resolution (time on hold, and time resolved before a reopen, included).';

const def = (id: KpiId, title: string, unit: FigureUnit, population: Population, numerator: string, denominator: string | null, clock: string | null, direction: Direction | null): KpiDefinition =>
  ({ id, title, unit, population, numerator, denominator, clock, direction });

const mttr = (id: KpiId, stat: string, business: boolean): KpiDefinition =>
  def(id, `${stat} time to resolve (${business ? 'business' : 'calendar'} time)`, 'duration', 'resolvedIn', `${stat} of ${MTTR_NUM}`,
    business ? 'Tickets resolved in the period whose time the named calendar can measure.' : 'Tickets resolved in the period.',
    business ? 'Working time on the named business calendar.' : 'Real (calendar) time.', 'lowerIsBetter');

export const KPI_CATALOGUE: Readonly<Record<KpiId, KpiDefinition>> = {
  opened: def('opened', 'Opened', 'tickets', 'openedIn', 'Tickets opened in the period, with the group and service they had when opened.', null, null, null),
  resolved: def('resolved', 'Resolved', 'tickets', 'resolvedIn', `${RESOLVED_POP} A resolution is a change to Resolved, or to Closed from an open state.`, null, null, null),
  closed: def('closed', 'Closed', 'tickets', 'closedIn', 'Tickets changed to Closed in the period, each once, at its last closure in the period.', null, null, null),
  cancelled: def('cancelled', 'Cancelled', 'tickets', 'cancelledIn', 'Tickets changed to Cancelled in the period, each once.', null, null, null),
  reopened: def('reopened', 'Reopened', 'tickets', 'reopenedIn', 'Tickets reopened in the period (Resolved or Closed back to an open state), each once.', null, null, null),
  backlog: def('backlog', 'Backlog', 'tickets', 'openAtEnd', 'Tickets in an open state (New, In progress, On hold) just before the end of the period, with the group and service holding them then.', null, null, 'lowerIsBetter'),
  backlogGrowth: def('backlogGrowth', 'Backlog growth', 'tickets', 'openAtStartAndEnd', 'Backlog at the end of the period minus backlog at its start (open just before its first instant).', null, null, 'lowerIsBetter'),
  backlogAge: def('backlogAge', 'Backlog age', 'tickets', 'openAtEnd', 'The backlog at the end of the period by age: whole local days from the opening date to the last date of the period.', null, 'Local dates in the reporting time zone.', null),
  mttrCalendarMean: mttr('mttrCalendarMean', 'Mean', false),
  mttrCalendarMedian: mttr('mttrCalendarMedian', 'Median', false),
  mttrCalendarP90: mttr('mttrCalendarP90', '90th percentile', false),
  mttrBusinessMean: mttr('mttrBusinessMean', 'Mean', true),
  mttrBusinessMedian: mttr('mttrBusinessMedian', 'Median', true),
  mttrBusinessP90: mttr('mttrBusinessP90', '90th percentile', true),
  slaResolution: def('slaResolution', 'SLA resolution compliance', 'percent', 'resolvedIn', 'Tickets resolved in the period whose SLA resolution clock was met at the counted resolution, judged as it stood then.',
    'Tickets resolved in the period that have an SLA resolution clock (a policy in force when opened).', "The policy's calendar, from this product's clocks.", 'higherIsBetter'),
  slaResponse: def('slaResponse', 'SLA response compliance', 'percent', 'respondedIn', 'Tickets whose SLA response was met in the period: taken by a person in the group, or answered by an analyst, within the target.',
    'Tickets whose SLA response was decided in the period: met when given within the target, breached at the instant it passed its due time, answered later or not.', "The policy's calendar, from this product's clocks.", 'higherIsBetter'),
  slaPreviousTool: def('slaPreviousTool', 'SLA met, recorded by the previous tool', 'percent', 'resolvedIn', 'Tickets resolved in the period that the previous tool recorded as having made their SLA.',
    'Tickets resolved in the period with an outcome recorded by the previous tool.', 'The previous tool\'s own; never combined with this product\'s clocks.', 'higherIsBetter'),
  olaResolution: def('olaResolution', 'OLA resolution compliance', 'percent', 'olaStintCompletedIn', 'Stints (one assignment of a ticket to a group) whose OLA resolution clock completed in the period, by hand-over or resolution, and was met; each stint once, at its last completion in the period.',
    'Stints whose OLA resolution clock completed in the period, against the agreement in force when the stint started.', "The agreement's calendar, from this product's clocks.", 'higherIsBetter'),
  olaResponse: def('olaResponse', 'OLA response compliance', 'percent', 'olaStintRespondedIn', 'Stints whose OLA response was met in the period: taken by a person in the group within the target.',
    'Stints whose OLA response was decided in the period (met when given in time, breached when it passed its due time), against the agreement in force when the stint started; stints that start with the ticket already resolved are not measured.', "The agreement's calendar, from this product's clocks.", 'higherIsBetter'),
  firstGroupResolution: def('firstGroupResolution', 'Resolved by the first assigned group', 'percent', 'resolvedIn', 'Tickets resolved in the period that never went to a group other than the first one assigned, up to the counted resolution.',
    'Tickets resolved in the period that had a group when resolved.', null, 'higherIsBetter'),
  reopenRate: def('reopenRate', 'Reopen rate', 'percent', 'resolvedIn', 'Tickets resolved in the period that had been reopened at least once before the counted resolution.', 'Tickets resolved in the period.', null, 'lowerIsBetter'),
  reassignmentsPerTicket: def('reassignmentsPerTicket', 'Reassignments per ticket', 'perTicket', 'resolvedIn', 'Reassignments (moves to a group other than the last group held) before the counted resolution, summed over the tickets resolved in the period.',
    'Tickets resolved in the period.', null, 'lowerIsBetter'),
  onHoldShare: def('onHoldShare', 'Share of life on hold', 'percent', 'resolvedIn', 'Time on hold between opening and the counted resolution, summed over the tickets resolved in the period.',
    'Time from opening to the counted resolution, summed over the same tickets.', 'Real (calendar) time.', 'lowerIsBetter'),
  satisfaction: def('satisfaction', 'Satisfaction', 'rating', 'ratedIn', 'Sum of the ratings (1 to 5) given at confirmation in the period; each ticket once, its last rating in the period.', 'Tickets rated in the period.', null, 'higherIsBetter'),
};
