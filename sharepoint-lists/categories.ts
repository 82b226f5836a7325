import { TITLE_COLUMN, defineList } from './schema';

/** Ticket categories: plain lookup data, optionally under a parent category and tied to one service. */
export const categoriesList = defineList({
  name: 'Categories',
  description: 'Categories staff and analysts file tickets under.',
  columns: [
    TITLE_COLUMN,
    { name: 'CategoryKey', type: 'text', required: true, indexed: true, unique: true, maxLength: 64 },
    { name: 'ParentKey', type: 'text', maxLength: 64 },
    { name: 'ServiceKey', type: 'text', maxLength: 64 },
    { name: 'IsActive', type: 'boolean', required: true },
  ],
});
