// What a new site starts with: calendar D (office hours with England and Wales bank holidays), a 24x7 calendar,
// one general SLA policy for P1 to P5, and (for seeded groups) an OLA agreement each. Admins change them from there.
import type { CalendarRecord } from '../../data/mappers/calendars';
import type { OlaAgreementRecord, SlaPolicyRecord } from '../../data/mappers/clock-policies';
import type { TargetSpec, TargetsByPriority } from '../../domain/sla/types';
import type { PersonRef } from '../../domain/tickets/types';

export const OFFICE_HOURS = 'office-hours';
export const ALWAYS = '24x7';
export const STANDARD_POLICY = 'standard';
/** Early enough for every imported ticket (the built-in bank holidays start in 2016). */
export const DEFAULTS_EFFECTIVE_FROM = '2016-01-01T00:00:00.000Z';

const WEEKDAY = [{ start: '09:00', end: '17:00' }];
const ALL_DAY = [{ start: '00:00', end: '24:00' }];

export function defaultCalendars(at: string, by: PersonRef): CalendarRecord[] {
  const common = { revision: 1, updatedAt: at, updatedById: by.id, updatedByName: by.name };
  return [
    {
      key: OFFICE_HOURS,
      name: 'Office hours: Monday to Friday 09:00-17:00, England and Wales bank holidays',
      timeZone: 'Europe/London',
      weeklyHours: { 1: WEEKDAY, 2: WEEKDAY, 3: WEEKDAY, 4: WEEKDAY, 5: WEEKDAY },
      holidaySet: 'england-and-wales',
      ...common,
    },
    {
      key: ALWAYS,
      name: '24x7: every hour of every day',
      timeZone: 'Europe/London',
      weeklyHours: { 1: ALL_DAY, 2: ALL_DAY, 3: ALL_DAY, 4: ALL_DAY, 5: ALL_DAY, 6: ALL_DAY, 7: ALL_DAY },
      holidaySet: null,
      ...common,
    },
  ];
}

const mins = (value: number): TargetSpec => ({ unit: 'businessMinutes', value });
const hrs = (value: number): TargetSpec => mins(value * 60);
const days = (value: number): TargetSpec => ({ unit: 'businessDays', value });

/** Customer targets, working time on office hours: P1 and P2 in hours, P3 to P5 in days. */
export const DEFAULT_SLA_TARGETS: TargetsByPriority = {
  1: { response: mins(15), resolution: hrs(4) },
  2: { response: mins(30), resolution: hrs(8) },
  3: { response: hrs(4), resolution: days(3) },
  4: { response: hrs(8), resolution: days(5) },
  5: { response: days(2), resolution: days(10) },
};

/** A group's own share of the customer targets, leaving room for hand-overs. */
export const DEFAULT_OLA_TARGETS: TargetsByPriority = {
  1: { response: mins(10), resolution: hrs(3) },
  2: { response: mins(20), resolution: hrs(6) },
  3: { response: hrs(2), resolution: days(2) },
  4: { response: hrs(4), resolution: days(4) },
  5: { response: days(1), resolution: days(8) },
};

export function defaultSlaPolicy(at: string, by: PersonRef): SlaPolicyRecord {
  return {
    id: STANDARD_POLICY,
    version: 1,
    name: 'Standard service levels',
    serviceId: null,
    calendarId: OFFICE_HOURS,
    effectiveFrom: DEFAULTS_EFFECTIVE_FROM,
    effectiveTo: null,
    targets: DEFAULT_SLA_TARGETS,
    warningThresholds: [50, 75, 100],
    warnOnlyInWorkingHours: true,
    createdAt: at,
    createdBy: by,
  };
}

export function defaultOlaAgreement(groupKey: string, groupName: string, at: string, by: PersonRef): OlaAgreementRecord {
  return {
    id: `ola-${groupKey}`.slice(0, 64),
    version: 1,
    name: `${groupName}: standard OLA`.slice(0, 255),
    groupId: groupKey,
    status: 'Approved',
    calendarId: OFFICE_HOURS,
    effectiveFrom: DEFAULTS_EFFECTIVE_FROM,
    effectiveTo: null,
    targets: DEFAULT_OLA_TARGETS,
    warningThresholds: [50, 75, 100],
    warnOnlyInWorkingHours: true,
    note: 'Seeded default; the service owner drafts the agreed targets.',
    draftedAt: at,
    draftedBy: by,
    approvedAt: at,
    approvedBy: by,
  };
}
