import type { ApiDependencies } from '../api/app';
import type { PeopleDirectory } from '../api/people/people-directory';
import type { CommandLayer } from '../api/runtime';
import { kpiServicesFor } from './kpi-wiring';
import { slaDueDates } from '../api/sla';
import { slaRuntimeOf } from './sla-wiring';

type Late<T> = { get(): T };

/**
 * The API's dependencies before the command layer exists: routes are registered before the server listens, and
 * the layer connects to the store over the server's own origin after. Getters read it at request time.
 */
export function lateApiDependencies(
  layer: Late<CommandLayer>,
  validateToken: ApiDependencies['validateToken'],
  people: PeopleDirectory | null,
  triageGroupKey: string | null = null,
  clock: () => Date = () => new Date(),
): ApiDependencies {
  return {
    validateToken,
    triageGroupKey,
    get tickets() {
      return layer.get().tickets;
    },
    get messages() {
      return layer.get().messages;
    },
    get reference() {
      return layer.get().reference;
    },
    get config() {
      return layer.get().config;
    },
    get attachments() {
      return layer.get().attachments;
    },
    get people() {
      return people ?? layer.get().people;
    },
    priorityMatrix: () => layer.get().priorityMatrix(),
    configChanged: () => {
      layer.get().reference.invalidate?.();
      layer.get().matrixSource.invalidate();
    },
    clock,
    get sla() {
      return slaRuntimeOf(layer.get());
    },
    dueDates: (ticket, now) => slaDueDates(slaRuntimeOf(layer.get()))(ticket, now),
    get kpi() {
      return kpiServicesFor(layer.get());
    },
  };
}
