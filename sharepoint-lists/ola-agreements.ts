import { TITLE_COLUMN, defineList } from './schema';

/**
 * OLA agreements with support groups, one item per version: a service owner drafts, an admin approves. Only
 * approved versions count, and an approved version is never changed (docs/decisions/0151).
 */
export const olaAgreementsList = defineList({
  name: 'OLA Agreements',
  description: 'OLA agreement versions per support group. Written only by the service API.',
  columns: [
    TITLE_COLUMN,
    { name: 'VersionKey', type: 'text', required: true, indexed: true, unique: true, maxLength: 80 },
    { name: 'AgreementKey', type: 'text', required: true, indexed: true, maxLength: 64 },
    { name: 'AgreementVersion', type: 'number', required: true },
    { name: 'GroupKey', type: 'text', required: true, indexed: true, maxLength: 64 },
    { name: 'Status', type: 'choice', required: true, choices: ['Draft', 'Approved'] },
    { name: 'CalendarKey', type: 'text', required: true, maxLength: 64 },
    { name: 'EffectiveFrom', type: 'dateTime', required: true, indexed: true },
    { name: 'EffectiveTo', type: 'dateTime' },
    { name: 'Targets', type: 'note', required: true, maxLength: 8000 },
    { name: 'PausedBy', type: 'note', maxLength: 2000 },
    { name: 'WarningThresholds', type: 'text', maxLength: 255 },
    { name: 'WarnOnlyInWorkingHours', type: 'boolean' },
    { name: 'Note', type: 'note', maxLength: 4000 },
    { name: 'DraftedAt', type: 'dateTime', required: true },
    { name: 'DraftedById', type: 'text', maxLength: 64 },
    { name: 'DraftedByUpn', type: 'text', maxLength: 255 },
    { name: 'DraftedByName', type: 'text', maxLength: 255 },
    { name: 'ApprovedAt', type: 'dateTime' },
    { name: 'ApprovedById', type: 'text', maxLength: 64 },
    { name: 'ApprovedByUpn', type: 'text', maxLength: 255 },
    { name: 'ApprovedByName', type: 'text', maxLength: 255 },
  ],
});
