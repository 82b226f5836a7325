import { TITLE_COLUMN, defineList } from './schema';

/**
 * Customer-facing SLA policies, one item per version. Versions are only ever added: a clock uses the version in
 * force when it started, so a published version is never changed (docs/decisions/0150).
 */
export const slaPoliciesList = defineList({
  name: 'SLA Policies',
  description: 'SLA policy versions: targets per priority on a calendar. Written only by the service API.',
  columns: [
    TITLE_COLUMN,
    // `${policyKey}@${version}`: a retried publish finds the version it wrote.
    { name: 'VersionKey', type: 'text', required: true, indexed: true, unique: true, maxLength: 80 },
    { name: 'PolicyKey', type: 'text', required: true, indexed: true, maxLength: 64 },
    { name: 'PolicyVersion', type: 'number', required: true },
    { name: 'ServiceId', type: 'text', maxLength: 64 },
    { name: 'CalendarKey', type: 'text', required: true, maxLength: 64 },
    { name: 'EffectiveFrom', type: 'dateTime', required: true, indexed: true },
    { name: 'EffectiveTo', type: 'dateTime' },
    // JSON: {"1": {"response": {"unit": "businessMinutes", "value": 15}, "resolution": ...}, ...}
    { name: 'Targets', type: 'note', required: true, maxLength: 8000 },
    // JSON: {"response": ["AwaitingCaller"], "resolution": [...]}; empty: every hold reason pauses.
    { name: 'PausedBy', type: 'note', maxLength: 2000 },
    { name: 'WarningThresholds', type: 'text', maxLength: 255 },
    { name: 'WarnOnlyInWorkingHours', type: 'boolean' },
    { name: 'CreatedAt', type: 'dateTime', required: true },
    { name: 'CreatedById', type: 'text', maxLength: 64 },
    { name: 'CreatedByUpn', type: 'text', maxLength: 255 },
    { name: 'CreatedByName', type: 'text', maxLength: 255 },
  ],
});
