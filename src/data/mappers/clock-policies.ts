// SLA policy version <-> SLA Policies item, OLA agreement version <-> OLA Agreements item. Targets, pause rules and
// thresholds travel as JSON; their content is checked by the domain (validateClockPolicy) before anything is written.
import { olaAgreementsList } from '../../../sharepoint-lists/ola-agreements';
import { slaPoliciesList } from '../../../sharepoint-lists/sla-policies';
import type { HoldPauseRules, OlaAgreement, SlaPolicy, TargetsByPriority } from '../../domain/sla/types';
import type { PersonRef } from '../../domain/tickets/types';
import type { ListItem } from '../lists/types';
import { FieldReader, writeFields, type FieldValues } from './fields';
import { optionalPersonFromFields, personToFields } from './people';

export interface SlaPolicyRecord extends SlaPolicy {
  readonly createdAt: string;
  readonly createdBy: PersonRef | null;
}

export type OlaStatus = 'Draft' | 'Approved';
export const OLA_STATUSES: readonly OlaStatus[] = ['Draft', 'Approved'];

export interface OlaAgreementRecord extends OlaAgreement {
  readonly status: OlaStatus;
  readonly note: string | null;
  readonly draftedAt: string;
  readonly draftedBy: PersonRef | null;
  readonly approvedAt: string | null;
  readonly approvedBy: PersonRef | null;
}

export const versionKeyOf = (key: string, version: number): string => `${key}@${version}`;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The stored shape only: one entry per priority 1..5 with response and resolution objects or null. */
export function parseTargets(value: unknown): TargetsByPriority {
  if (!isObject(value)) throw new Error('targets must be an object keyed by priority');
  for (const p of ['1', '2', '3', '4', '5']) {
    const t = value[p];
    if (!isObject(t)) throw new Error(`targets has no entry for priority ${p}`);
    for (const kind of ['response', 'resolution']) {
      const spec = t[kind];
      if (spec !== null && spec !== undefined && (!isObject(spec) || typeof spec.unit !== 'string' || typeof spec.value !== 'number')) {
        throw new Error(`targets.${p}.${kind} must be {unit, value} or null`);
      }
    }
  }
  return value as unknown as TargetsByPriority;
}

function parsePausedBy(value: unknown): HoldPauseRules {
  if (!isObject(value)) throw new Error('pausedBy must be an object');
  const out: { response?: string[]; resolution?: string[] } = {};
  for (const kind of ['response', 'resolution'] as const) {
    const list = value[kind];
    if (list === undefined) continue;
    if (!Array.isArray(list) || !list.every((r) => typeof r === 'string')) throw new Error(`pausedBy.${kind} must be a list of hold reasons`);
    out[kind] = list;
  }
  return out as HoldPauseRules;
}

function parseThresholds(value: unknown): number[] {
  if (!Array.isArray(value) || !value.every((n) => typeof n === 'number')) throw new Error('warning thresholds must be a list of numbers');
  return value;
}

/** Columns both lists share, written the same way. */
function commonFields(p: SlaPolicy | OlaAgreement): FieldValues {
  return {
    Title: p.name,
    VersionKey: versionKeyOf(p.id, p.version),
    CalendarKey: p.calendarId,
    EffectiveFrom: p.effectiveFrom,
    EffectiveTo: p.effectiveTo ?? null,
    Targets: JSON.stringify(p.targets),
    PausedBy: p.pausedBy ? JSON.stringify(p.pausedBy) : null,
    WarningThresholds: p.warningThresholds ? JSON.stringify(p.warningThresholds) : null,
    WarnOnlyInWorkingHours: p.warnOnlyInWorkingHours ?? null,
  };
}

function commonRecord(r: FieldReader) {
  const pausedBy = r.json<HoldPauseRules | null>('PausedBy', null, parsePausedBy);
  const thresholds = r.json<number[] | null>('WarningThresholds', null, parseThresholds);
  const warnOnly = r.optionalBoolean('WarnOnlyInWorkingHours');
  return {
    name: r.text('Title'),
    calendarId: r.text('CalendarKey'),
    effectiveFrom: r.instant('EffectiveFrom'),
    effectiveTo: r.optionalInstant('EffectiveTo'),
    targets: r.json<TargetsByPriority>('Targets', {} as TargetsByPriority, parseTargets),
    ...(pausedBy ? { pausedBy } : {}),
    ...(thresholds ? { warningThresholds: thresholds } : {}),
    ...(warnOnly === null ? {} : { warnOnlyInWorkingHours: warnOnly }),
  };
}

export function slaPolicyToFields(p: SlaPolicyRecord): FieldValues {
  return writeFields(
    slaPoliciesList,
    { ...commonFields(p), PolicyKey: p.id, PolicyVersion: p.version, ServiceId: p.serviceId, CreatedAt: p.createdAt, ...personToFields('CreatedBy', p.createdBy) },
    { partial: false },
  );
}

export function slaPolicyFromItem(item: ListItem): SlaPolicyRecord {
  const r = new FieldReader(slaPoliciesList, item.id, item.fields);
  return {
    id: r.text('PolicyKey'),
    version: r.number('PolicyVersion'),
    serviceId: r.optionalText('ServiceId'),
    ...commonRecord(r),
    createdAt: r.instant('CreatedAt'),
    createdBy: optionalPersonFromFields(r, 'CreatedBy'),
  };
}

export function olaAgreementToFields(a: OlaAgreementRecord): FieldValues {
  return writeFields(
    olaAgreementsList,
    {
      ...commonFields(a),
      AgreementKey: a.id,
      AgreementVersion: a.version,
      GroupKey: a.groupId,
      Status: a.status,
      Note: a.note,
      DraftedAt: a.draftedAt,
      ...personToFields('DraftedBy', a.draftedBy),
      ApprovedAt: a.approvedAt,
      ...personToFields('ApprovedBy', a.approvedBy),
    },
    { partial: false },
  );
}

export function olaAgreementFromItem(item: ListItem): OlaAgreementRecord {
  const r = new FieldReader(olaAgreementsList, item.id, item.fields);
  return {
    id: r.text('AgreementKey'),
    version: r.number('AgreementVersion'),
    groupId: r.text('GroupKey'),
    status: r.choice('Status', OLA_STATUSES),
    ...commonRecord(r),
    note: r.optionalText('Note'),
    draftedAt: r.instant('DraftedAt'),
    draftedBy: optionalPersonFromFields(r, 'DraftedBy'),
    approvedAt: r.optionalInstant('ApprovedAt'),
    approvedBy: optionalPersonFromFields(r, 'ApprovedBy'),
  };
}
