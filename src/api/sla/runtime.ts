// Everything the clocks need, read from the lists and compiled once: calendars (with their holidays and closure
// days), policy and agreement versions, settings. Kept for a short time; admin changes invalidate it at once.
import { compileCalendar, type BusinessCalendar } from '../../domain/calendar/compile';
import { GOV_UK_DIVISIONS, type GovUkDivision } from '../../domain/calendar/govuk-bank-holidays';
import type { CalendarDefinition, HolidaySet } from '../../domain/calendar/types';
import type { ClockContext } from '../../domain/sla/ticket-clocks';
import type { CalendarRecord, ClosureDayRecord } from '../../data/mappers/calendars';
import type { OlaAgreementRecord, SlaPolicyRecord } from '../../data/mappers/clock-policies';
import type { Versioned } from '../config/keyed-list';
import { holidayConfigKey, knownHolidaySet, type KnownHolidaySet } from './holidays';
import type { SlaStore } from './store';

export interface SlaSettings {
  /** Resolved tickets close after this many working days of their SLA policy's calendar. */
  readonly autoCloseBusinessDays: number;
}

export const SLA_SETTINGS_KEY = 'sla-settings';
export const DEFAULT_SLA_SETTINGS: SlaSettings = { autoCloseBusinessDays: 5 };

export interface SlaSnapshot {
  readonly calendars: ReadonlyMap<string, BusinessCalendar>;
  readonly calendarRecords: readonly Versioned<CalendarRecord>[];
  readonly closureDays: readonly ClosureDayRecord[];
  /** Stored calendars that do not compile (edited outside the API): their clocks report calendar_missing. */
  readonly calendarProblems: readonly { readonly calendarKey: string; readonly message: string }[];
  readonly slaPolicies: readonly SlaPolicyRecord[];
  /** Every OLA version, drafts included; only approved ones reach the clocks. */
  readonly olaAgreements: readonly OlaAgreementRecord[];
  readonly holidaySets: ReadonlyMap<GovUkDivision, KnownHolidaySet>;
  readonly settings: SlaSettings;
  context(now: number): ClockContext;
}

export interface SlaRuntime {
  readonly store: SlaStore;
  snapshot(): Promise<SlaSnapshot>;
  invalidate(): void;
}

/** A division chosen but never loaded: covers no real year, so the calendar answers "no holiday data". */
const noHolidayData = (division: GovUkDivision): HolidaySet => ({ name: `${division} (not loaded)`, fromYear: 0, toYear: 0, days: [] });

export function calendarDefinition(record: CalendarRecord, closures: readonly ClosureDayRecord[], sets: ReadonlyMap<GovUkDivision, KnownHolidaySet>): CalendarDefinition {
  return {
    id: record.key,
    name: record.name,
    timeZone: record.timeZone,
    weeklyHours: record.weeklyHours,
    holidays: record.holidaySet ? (sets.get(record.holidaySet)?.set ?? noHolidayData(record.holidaySet)) : null,
    closureDays: closures.filter((d) => d.calendarKey === record.key).map((d) => ({ date: d.date, title: d.title })),
  };
}

function parseSettings(value: unknown): SlaSettings {
  const days = (value as Partial<SlaSettings> | null)?.autoCloseBusinessDays;
  return { autoCloseBusinessDays: Number.isInteger(days) && days! >= 1 && days! <= 60 ? days! : DEFAULT_SLA_SETTINGS.autoCloseBusinessDays };
}

async function load(store: SlaStore): Promise<SlaSnapshot> {
  const [calendarRecords, closures, policies, agreements, settings] = await Promise.all([
    store.calendars.list(),
    store.closureDays.list(),
    store.slaPolicies.list(),
    store.olaAgreements.list(),
    store.settings.list(),
  ]);
  const byKey = new Map(settings.map((s) => [s.record.key, s.record]));
  const holidaySets = new Map<GovUkDivision, KnownHolidaySet>();
  for (const division of GOV_UK_DIVISIONS) {
    const known = knownHolidaySet(division, byKey.get(holidayConfigKey(division)) ?? null);
    if (known) holidaySets.set(division, known);
  }
  const closureDays = closures.map((c) => c.record);
  const calendars = new Map<string, BusinessCalendar>();
  const calendarProblems: { calendarKey: string; message: string }[] = [];
  for (const { record } of calendarRecords) {
    const compiled = compileCalendar(calendarDefinition(record, closureDays, holidaySets));
    if (compiled.ok) calendars.set(record.key, compiled.value);
    else calendarProblems.push({ calendarKey: record.key, message: compiled.errors.map((e) => e.message).join(' ') });
  }
  const slaPolicies = policies.map((p) => p.record);
  const olaAgreements = agreements.map((a) => a.record);
  const approved = olaAgreements.filter((a) => a.status === 'Approved');
  return {
    calendars,
    calendarRecords,
    closureDays,
    calendarProblems,
    slaPolicies,
    olaAgreements,
    holidaySets,
    settings: parseSettings(byKey.get(SLA_SETTINGS_KEY)?.value ?? null),
    context: (now) => ({ calendars, slaPolicies, olaAgreements: approved, now }),
  };
}

export function createSlaRuntime(store: SlaStore, ttlMs: number, now: () => number): SlaRuntime {
  let slot: { at: number; value: Promise<SlaSnapshot> } | null = null;
  return {
    store,
    snapshot() {
      if (!slot || now() - slot.at > ttlMs) {
        const value = load(store);
        slot = { at: now(), value };
        value.catch(() => (slot = null));
      }
      return slot.value;
    },
    invalidate() {
      slot = null;
    },
  };
}
