import { TITLE_COLUMN, defineList } from './schema';

/** Small settings admins edit, one item per key, the value as JSON (for example the priority matrix). */
export const configurationList = defineList({
  name: 'Configuration',
  description: 'Service desk settings such as the priority matrix. Written only by the service API.',
  columns: [
    TITLE_COLUMN,
    { name: 'ConfigKey', type: 'text', required: true, indexed: true, unique: true, maxLength: 64 },
    { name: 'Value', type: 'note', required: true, maxLength: 20000 },
    { name: 'UpdatedAt', type: 'dateTime', required: true },
    { name: 'UpdatedById', type: 'text', maxLength: 64 },
    { name: 'UpdatedByName', type: 'text', maxLength: 255 },
  ],
});
