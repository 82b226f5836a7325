// Issue 6 in the API: calendars, SLA policies, OLA agreements, bank holidays, SLA settings and a ticket's clocks.
import type { FastifyInstance } from 'fastify';
import type { ApiDependencies } from '../dependencies';
import { registerCalendarRoutes } from './calendar-routes';
import { registerClockRoutes } from './clock-routes';
import { registerOlaRoutes } from './ola-routes';
import { registerPolicyRoutes } from './policy-routes';

export function registerSlaRoutes(api: FastifyInstance, deps: ApiDependencies): void {
  registerCalendarRoutes(api, deps);
  registerPolicyRoutes(api, deps);
  registerOlaRoutes(api, deps);
  registerClockRoutes(api, deps);
}

export { createSlaRuntime, type SlaRuntime, type SlaSnapshot, type SlaSettings } from './runtime';
export { createSlaStore, type SlaStore, type SlaListIds } from './store';
export { slaDueDates, withSlaSummaries } from './due-dates';
export { clocksOf, listClocks } from './clock-view';
