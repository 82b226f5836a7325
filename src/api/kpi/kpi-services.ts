// The KPI parts built on a connected command layer: the API, the worker job and the scripts share this, so they
// read and write the same cells the same way.
import type { CommandLayer } from '../runtime';
import { KpiCellStore } from './cell-store';
import { kpiClockSource, type KpiClockSource } from './clock-source';
import type { KpiRebuildDeps } from './rebuild';
import { graphKpiTicketSource } from './ticket-source';

export type KpiLayer = Pick<CommandLayer, 'gateway' | 'listIds' | 'config' | 'reference'>;

export interface KpiServices extends KpiRebuildDeps {
  readonly layer: KpiLayer;
}

const made = new WeakMap<KpiLayer, KpiServices>();

export function kpiServicesOf(layer: KpiLayer, clocks: KpiClockSource = kpiClockSource()): KpiServices {
  const known = made.get(layer);
  if (known) return known;
  const services: KpiServices = { layer, cells: new KpiCellStore(layer.gateway), tickets: graphKpiTicketSource(layer.gateway, layer.listIds.tickets), clocks };
  made.set(layer, services);
  return services;
}
