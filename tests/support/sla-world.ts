// Issue 6 tests: the API world with a clock the test moves, a direct view of stored items (due dates, closure days,
// the outbox) through the Graph adapter, and helpers to configure calendars and policies as an admin would.
import { connectCommandLayer, type CommandLayer } from '../../src/api/runtime';
import { createClientCredentialsTokenProvider } from '../../src/data';
import { field } from '../../src/data/odata';
import { local } from '../../src/domain/calendar/testing';
import { loadConfig } from '../../src/server/config';
import type { World } from './api-world';
import { act, newKey, startWorld } from './api-world';
import { call } from './embedded-server';

export interface SlaWorld {
  readonly world: World;
  readonly layer: CommandLayer;
  /** Moves the API's and the worker's clock to a Europe/London wall time ('2025-01-13 17:00'). */
  at(localTime: string): Date;
  now(): Date;
  stop(): Promise<void>;
}

export async function startSlaWorld(start: string): Promise<SlaWorld> {
  let now = local(start);
  const world = await startWorld({ clock: () => new Date(now) });
  const config = loadConfig({});
  const tokens = createClientCredentialsTokenProvider({ authority: `${world.origin}/local-issuer/${world.server.store.identity.tenantId}`, ...config.app });
  const layer = await connectCommandLayer({ graphBaseUrl: world.origin, tokens, site: config.site, listNames: config.listNames, createMissingLists: false });
  return {
    world,
    layer,
    at(localTime) {
      now = local(localTime);
      return new Date(now);
    },
    now: () => new Date(now),
    stop: () => world.server.stop(),
  };
}

export const HOURS_E = { start: '08:00', end: '18:00' };
/** Calendar E of the issue: Monday to Friday 08:00-18:00, Europe/London, no holidays. */
export const CALENDAR_E = { name: 'Calendar E', timeZone: 'Europe/London', weeklyHours: { 1: [HOURS_E], 2: [HOURS_E], 3: [HOURS_E], 4: [HOURS_E], 5: [HOURS_E] }, holidaySet: null };

export const minutes = (value: number) => ({ unit: 'businessMinutes', value });
export const hours = (value: number) => minutes(value * 60);
export const calendarDays = (value: number) => ({ unit: 'calendarDays', value });

export type Row = { response: unknown; resolution: unknown };
export const targets = (all: Row, per: Partial<Record<1 | 2 | 3 | 4 | 5, Row>> = {}) => ({ 1: per[1] ?? all, 2: per[2] ?? all, 3: per[3] ?? all, 4: per[4] ?? all, 5: per[5] ?? all });

export async function admin(s: SlaWorld, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  return call(s.world.origin, path, { token: s.world.tokens.admin, ...init });
}

export async function must(answer: Promise<{ status: number; body: any }>, status: number) {
  const a = await answer;
  if (a.status !== status) throw new Error(`expected ${status}, got ${a.status} ${JSON.stringify(a.body)}`);
  return a.body;
}

/** Raises a ticket as the caller at the world's current time. */
export async function raiseNow(s: SlaWorld, body: Record<string, unknown> = {}): Promise<string> {
  const a = await call(s.world.origin, '/api/incidents', { token: s.world.tokens.caller, body: { title: 'Clock test', impact: 3, urgency: 3, serviceId: 'printing', ...body }, headers: { 'idempotency-key': newKey() } });
  if (a.status !== 201) throw new Error(`raise: ${a.status} ${JSON.stringify(a.body)}`);
  return a.body.ticket.number as string;
}

/** Runs a command as `who` (an admin by default) and insists it succeeds. */
export async function step(s: SlaWorld, number: string, action: string, body: Record<string, unknown> = {}, who: keyof World['tokens'] = 'admin') {
  const a = await act(s.world, s.world.tokens[who], number, action, body);
  if (a.status !== 200) throw new Error(`${action}: ${a.status} ${JSON.stringify(a.body)}`);
  return a.body;
}

/** The raw ticket item as stored: due dates as the list holds them. */
export async function storedTicket(s: SlaWorld, number: string): Promise<Record<string, unknown>> {
  const page = await s.layer.gateway.queryItems(s.layer.listIds.tickets, { filter: field('TicketNumber').eq(number), top: 1 });
  return page.items[0]!.fields;
}

export async function dueDates(s: SlaWorld, number: string): Promise<[unknown, unknown]> {
  const f = await storedTicket(s, number);
  return [f['ResponseDueAt'] ?? null, f['ResolutionDueAt'] ?? null];
}

export async function outboxOf(s: SlaWorld, number: string): Promise<Record<string, unknown>[]> {
  const page = await s.layer.gateway.queryItems(s.layer.listIds.notificationOutbox, { filter: field('TicketNumber').eq(number), top: 100 });
  return page.items.map((i) => i.fields);
}
