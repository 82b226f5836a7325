// Reads the body of POST /api/admin/kpi-targets/:id/versions into a target version, collecting every field problem
// so the admin page can show each beside its field.
import { parseIsoDate } from '../../domain/calendar/civil-date';
import { DEFAULT_REPORTING_ZONE, KPI_IDS, reportingDays, type Direction, type KpiId, type KpiTarget, type TargetError } from '../../domain/kpi';

export const TARGET_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,99}$/;

export interface TargetReferences {
  readonly groupKeys: ReadonlySet<string>;
  readonly serviceKeys: ReadonlySet<string>;
}

const problem = (field: string, message: string): TargetError => ({ code: 'invalid_target', field, message });

/** 'YYYY-MM-DD' is the start of that local day in the reporting zone; an ISO date-time is taken as it is. */
export function effectiveInstant(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  const day = parseIsoDate(text);
  if (day !== null) return new Date(reportingDays(DEFAULT_REPORTING_ZONE).startOf(day)).toISOString();
  return /^\d{4}-\d{2}-\d{2}T/.test(text) && !Number.isNaN(Date.parse(text)) ? new Date(Date.parse(text)).toISOString() : null;
}

function scopeKey(value: unknown, known: ReadonlySet<string>, field: 'groupId' | 'serviceId', errors: TargetError[]): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string' && known.has(value)) return value;
  errors.push(problem(field, `There is no ${field === 'groupId' ? 'support group' : 'service'} "${String(value)}".`));
  return null;
}

export function parseTargetVersion(id: string, version: number, body: Readonly<Record<string, unknown>>, refs: TargetReferences): { target: KpiTarget; errors: TargetError[] } {
  const errors: TargetError[] = [];
  if (!TARGET_ID.test(id)) errors.push(problem('id', 'A target id is 1 to 100 letters, digits or hyphens, starting with a letter or digit.'));
  const kpi = body.kpi as KpiId;
  if (typeof body.kpi !== 'string' || !KPI_IDS.includes(kpi)) errors.push(problem('kpi', `kpi must be one of ${KPI_IDS.join(', ')}.`));
  const effectiveFrom = effectiveInstant(body.effectiveFrom);
  if (effectiveFrom === null) errors.push(problem('effectiveFrom', 'The effective date must be a date (YYYY-MM-DD) or an ISO date-time.'));
  const target: KpiTarget = {
    id,
    version,
    kpi,
    groupId: scopeKey(body.groupId, refs.groupKeys, 'groupId', errors),
    serviceId: scopeKey(body.serviceId, refs.serviceKeys, 'serviceId', errors),
    effectiveFrom: effectiveFrom ?? '',
    direction: body.direction as Direction,
    green: body.green as number,
    amber: body.amber as number,
  };
  return { target, errors };
}
