import { TITLE_COLUMN, defineList } from './schema';

/** Resolver groups. Membership lives in Entra: the group id links a token's `groups` claim to the group. */
export const supportGroupsList = defineList({
  name: 'Support Groups',
  description: 'Resolver groups that work ticket queues.',
  columns: [
    TITLE_COLUMN,
    { name: 'GroupKey', type: 'text', required: true, indexed: true, unique: true, maxLength: 64 },
    { name: 'EntraGroupId', type: 'text', required: true, indexed: true, maxLength: 64 },
    { name: 'TeamsChannelId', type: 'text', maxLength: 255 },
    { name: 'IsActive', type: 'boolean', required: true },
  ],
});
