// Calendars and their closure days (admins write, everyone signed in reads), and bank holiday refreshes from the
// gov.uk JSON file (no internet is assumed: an admin pastes or uploads it).
import type { FastifyInstance } from 'fastify';
import type { BankHolidaysDto, CalendarDto } from '../../contracts/sla';
import { GOV_UK_DIVISIONS, type GovUkDivision } from '../../domain/calendar/govuk-bank-holidays';
import type { CalendarRecord, ClosureDayRecord } from '../../data/mappers/calendars';
import { authorize } from '../access/guard';
import type { Versioned } from '../config/keyed-list';
import type { ApiDependencies } from '../dependencies';
import { ApiError, notFound } from '../http/api-error';
import { bodyOf, signedIn } from '../routes/request';
import { ifMatchOf, slaOf } from './common';
import { holidayConfigKey, refreshedHolidaySet, type KnownHolidaySet } from './holidays';
import { parseCalendar, parseClosureDay } from './parse-calendar';
import type { SlaSnapshot } from './runtime';

type KeyParams = { Params: { key: string } };
type DayParams = { Params: { key: string; date: string } };

function calendarDto(v: Versioned<CalendarRecord>, snapshot: SlaSnapshot): CalendarDto {
  const c = v.record;
  const set = c.holidaySet ? snapshot.holidaySets.get(c.holidaySet) : undefined;
  return {
    key: c.key,
    name: c.name,
    timeZone: c.timeZone,
    weeklyHours: Object.fromEntries(Object.entries(c.weeklyHours)) as CalendarDto['weeklyHours'],
    holidaySet: c.holidaySet,
    holidayCoverage: set ? { fromYear: set.set.fromYear, toYear: set.set.toYear } : null,
    closureDays: snapshot.closureDays.filter((d) => d.calendarKey === c.key).map((d) => ({ date: d.date, title: d.title })).sort((a, b) => a.date.localeCompare(b.date)),
    revision: c.revision,
    updatedAt: c.updatedAt,
    updatedByName: c.updatedByName,
    etag: v.etag,
  };
}

const holidaysDto = (k: KnownHolidaySet): BankHolidaysDto => ({
  division: k.division,
  name: k.set.name,
  fromYear: k.set.fromYear,
  toYear: k.set.toYear,
  days: k.set.days.map((d) => ({ date: d.date, title: d.title })),
  source: k.source,
  updatedAt: k.updatedAt,
  updatedByName: k.updatedByName,
});

export function registerCalendarRoutes(api: FastifyInstance, deps: ApiDependencies): void {
  api.get('/admin/calendars', async (request) => {
    authorize(await signedIn(deps, request), 'calendar.read');
    const snapshot = await slaOf(deps).snapshot();
    return { items: snapshot.calendarRecords.map((v) => calendarDto(v, snapshot)) };
  });

  api.put<KeyParams>('/admin/calendars/:key', async (request, reply) => {
    const actor = await signedIn(deps, request);
    authorize(actor, 'calendar.write');
    const sla = slaOf(deps);
    const key = request.params.key;
    const input = parseCalendar(key, bodyOf(request), (await sla.snapshot()).holidaySets);
    const existing = await sla.store.calendars.get(key);
    const record: CalendarRecord = {
      key,
      ...input,
      revision: (existing?.record.revision ?? 0) + 1,
      updatedAt: deps.clock().toISOString(),
      updatedById: actor.person.id,
      updatedByName: actor.person.name,
    };
    const saved = await sla.store.calendars.put(key, record, ifMatchOf(request) ?? existing?.etag ?? null);
    sla.invalidate();
    const snapshot = await sla.snapshot();
    void reply.status(saved.created ? 201 : 200).header('etag', saved.etag);
    return calendarDto({ record: saved.record, etag: saved.etag }, snapshot);
  });

  api.put<DayParams>('/admin/calendars/:key/closure-days/:date', async (request, reply) => {
    const actor = await signedIn(deps, request);
    authorize(actor, 'calendar.write');
    const sla = slaOf(deps);
    if (!(await sla.store.calendars.get(request.params.key))) throw notFound(`There is no calendar "${request.params.key}".`);
    const day = parseClosureDay(request.params.date, bodyOf(request));
    const record: ClosureDayRecord = { calendarKey: request.params.key, ...day, updatedAt: deps.clock().toISOString(), updatedById: actor.person.id, updatedByName: actor.person.name };
    const saved = await sla.store.closureDays.put(record);
    sla.invalidate();
    void reply.status(saved.created ? 201 : 200);
    return { calendarKey: saved.record.calendarKey, date: saved.record.date, title: saved.record.title };
  });

  api.delete<DayParams>('/admin/calendars/:key/closure-days/:date', async (request, reply) => {
    authorize(await signedIn(deps, request), 'calendar.write');
    const sla = slaOf(deps);
    if (!(await sla.store.closureDays.remove(request.params.key, request.params.date))) {
      throw notFound(`Calendar "${request.params.key}" has no closure day on ${request.params.date}.`);
    }
    sla.invalidate();
    return reply.status(204).send();
  });

  api.get('/admin/bank-holidays', async (request) => {
    authorize(await signedIn(deps, request), 'calendar.read');
    return { items: [...(await slaOf(deps).snapshot()).holidaySets.values()].map(holidaysDto) };
  });

  /** Body: the gov.uk file ({"england-and-wales": {...}, ...}) as JSON, or {"feed": <that file, or its text>}. */
  api.post<{ Params: { division: string } }>('/admin/bank-holidays/:division', async (request) => {
    const actor = await signedIn(deps, request);
    authorize(actor, 'calendar.write');
    const division = request.params.division as GovUkDivision;
    if (!GOV_UK_DIVISIONS.includes(division)) throw notFound(`Bank holidays are kept for ${GOV_UK_DIVISIONS.join(', ')}.`);
    const sla = slaOf(deps);
    const body = bodyOf(request);
    const feed = body.feed ?? body;
    if (feed === null || (typeof feed === 'object' && Object.keys(feed).length === 0)) {
      throw new ApiError(400, 'validation', 'Paste or upload the gov.uk bank holidays file (https://www.gov.uk/bank-holidays.json).', [{ field: 'feed', message: 'The file is missing.' }]);
    }
    const merged = refreshedHolidaySet(feed, division, (await sla.snapshot()).holidaySets.get(division) ?? null);
    const current = await sla.store.settings.get(holidayConfigKey(division));
    const at = deps.clock().toISOString();
    await sla.store.settings.put(holidayConfigKey(division), { key: holidayConfigKey(division), value: merged, updatedAt: at, updatedById: actor.person.id, updatedByName: actor.person.name }, ifMatchOf(request) ?? current?.etag ?? null);
    sla.invalidate();
    return holidaysDto({ division, set: merged, source: 'gov.uk', updatedAt: at, updatedByName: actor.person.name });
  });
}
