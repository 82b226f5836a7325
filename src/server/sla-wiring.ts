// Composition of issue 6: the SLA runtime over the command layer's lists, the due-date hook, and the worker.
import type { CommandLayer } from '../api/runtime';
import { createSlaRuntime, createSlaStore, slaDueDates, type SlaRuntime } from '../api/sla';
import { createWorker, graphOutbox, graphTicketReads, systemPerson, type Worker } from '../worker';
import { kpiServicesFor } from './kpi-wiring';

const runtimes = new WeakMap<CommandLayer, SlaRuntime>();

/** One runtime per command layer: its cache is what every request and job shares. */
export function slaRuntimeOf(layer: CommandLayer): SlaRuntime {
  let runtime = runtimes.get(layer);
  if (!runtime) {
    runtime = createSlaRuntime(createSlaStore(layer.gateway, layer.listIds, layer.config.settings), 30_000, Date.now);
    runtimes.set(layer, runtime);
  }
  return runtime;
}

export function workerFor(layer: CommandLayer, appClientId: string, clock: () => Date, log: (line: string) => void): Worker {
  const sla = slaRuntimeOf(layer);
  return createWorker(
    {
      tickets: layer.tickets,
      messages: layer.messages,
      reads: graphTicketReads(layer.gateway, layer.listIds.tickets),
      outbox: graphOutbox(layer.gateway, layer.listIds.notificationOutbox),
      sla,
      system: systemPerson(appClientId),
      dueDates: slaDueDates(sla, log),
      kpi: kpiServicesFor(layer),
    },
    { clock, log },
  );
}
