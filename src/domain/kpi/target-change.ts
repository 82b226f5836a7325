// Rules for adding a version of a KPI target, on top of checking the target itself: versions only grow, a version
// keeps its series' KPI and scope, one series per KPI and scope, and nothing starts before now (a new version must
// never re-rate a period already reported). Time comes in as an argument.
import { validateKpiTarget, type KpiTarget, type TargetError } from './targets';

const sameScope = (a: KpiTarget, b: KpiTarget): boolean => a.kpi === b.kpi && a.groupId === b.groupId && a.serviceId === b.serviceId;

/** The next version number of a target series (1 for a new one). */
export const nextTargetVersion = (saved: readonly KpiTarget[], id: string): number =>
  Math.max(0, ...saved.filter((t) => t.id === id).map((t) => t.version)) + 1;

export function validateTargetChange(saved: readonly KpiTarget[], next: KpiTarget, now: number): TargetError[] {
  const errors = validateKpiTarget(next);
  const series = saved.filter((t) => t.id === next.id);
  if (series.some((t) => t.version >= next.version)) {
    errors.push({ code: 'version_taken', field: 'version', message: `Version ${next.version} of "${next.id}" is already saved: a change needs version ${nextTargetVersion(saved, next.id)}. Reload and try again.` });
  }
  const first = series[0];
  if (first && !sameScope(first, next)) {
    errors.push({ code: 'scope_changed', field: 'kpi', message: `Target "${next.id}" is for ${first.kpi} (group ${first.groupId ?? 'any'}, service ${first.serviceId ?? 'any'}); start a new target for another KPI or scope.` });
  }
  const other = saved.find((t) => t.id !== next.id && sameScope(t, next));
  if (!first && other) {
    errors.push({ code: 'duplicate_scope', field: 'id', message: `Target "${other.id}" already covers this KPI and scope: add a version to it instead.` });
  }
  if (Date.parse(next.effectiveFrom) < now) {
    errors.push({ code: 'starts_in_past', field: 'effectiveFrom', message: 'A change cannot start in the past: it would rewrite reported periods. Choose a date from tomorrow.' });
  }
  return errors;
}
