// What the facts are measured with: SLA policies, OLA agreements and calendars. Until the SLA configuration (issue 6)
// is wired in, the default has no policies (SLA and OLA figures show "no data", counted as excluded) and measures
// business-time MTTR on Monday to Friday 09:00-17:00 in Europe/London with England and Wales bank holidays.
import { compileCalendar, ENGLAND_AND_WALES_BANK_HOLIDAYS, mondayToFridayCalendar } from '../../domain/calendar';
import type { BusinessCalendar } from '../../domain/calendar';
import type { FactsContext } from '../../domain/kpi';
import type { ClockContext } from '../../domain/sla';

export interface KpiClockSource {
  /** Policies, agreements and calendars as of `asOf`, and the calendar that business-time MTTR uses. */
  context(asOf: number): Promise<FactsContext>;
}

export const DEFAULT_BUSINESS_CALENDAR_ID = 'kpi-office-hours';

let office: BusinessCalendar | null = null;

function officeHours(): BusinessCalendar {
  if (office) return office;
  const compiled = compileCalendar(mondayToFridayCalendar({
    id: DEFAULT_BUSINESS_CALENDAR_ID, name: 'Office hours (Mon-Fri 09:00-17:00)', timeZone: 'Europe/London',
    ranges: [{ start: '09:00', end: '17:00' }], holidays: ENGLAND_AND_WALES_BANK_HOLIDAYS,
  }));
  if (!compiled.ok) throw new Error('The default KPI calendar does not compile.');
  return (office = compiled.value);
}

/** Wraps the SLA engine's context (when there is one) and adds the business calendar if it is missing. */
export function kpiClockSource(clocks?: (asOf: number) => Promise<ClockContext>, businessCalendarId = DEFAULT_BUSINESS_CALENDAR_ID): KpiClockSource {
  return {
    async context(asOf) {
      const base: ClockContext = clocks ? await clocks(asOf) : { slaPolicies: [], olaAgreements: [], calendars: new Map(), now: asOf };
      const calendars = new Map(base.calendars);
      if (!calendars.has(businessCalendarId)) calendars.set(businessCalendarId, officeHours());
      return { clocks: { ...base, calendars, now: asOf }, asOf, businessCalendarId };
    },
  };
}
