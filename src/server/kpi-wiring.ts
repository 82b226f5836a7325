// Composition of issue 7: the KPI services over the command layer, measuring with the SLA runtime's policies,
// agreements and calendars, so the API, the worker and the scripts compute the same facts.
import { kpiClockSource } from '../api/kpi/clock-source';
import { kpiServicesOf, type KpiServices } from '../api/kpi/kpi-services';
import type { CommandLayer } from '../api/runtime';
import { slaRuntimeOf } from './sla-wiring';

export function kpiServicesFor(layer: CommandLayer): KpiServices {
  return kpiServicesOf(layer, kpiClockSource(async (asOf) => (await slaRuntimeOf(layer).snapshot()).context(asOf)));
}
