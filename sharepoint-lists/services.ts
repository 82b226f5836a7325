import { TITLE_COLUMN, defineList } from './schema';

/** Business services that tickets are raised against, each with an owner and a default resolver group. */
export const servicesList = defineList({
  name: 'Services',
  description: 'Services offered to staff, their owners and default resolver groups.',
  columns: [
    TITLE_COLUMN,
    { name: 'ServiceKey', type: 'text', required: true, indexed: true, unique: true, maxLength: 64 },
    { name: 'OwnerId', type: 'text', required: true, indexed: true, maxLength: 64 },
    { name: 'OwnerUpn', type: 'text', maxLength: 255 },
    { name: 'OwnerName', type: 'text', maxLength: 255 },
    { name: 'DefaultGroupKey', type: 'text', required: true, maxLength: 64 },
    { name: 'IsActive', type: 'boolean', required: true },
  ],
});
