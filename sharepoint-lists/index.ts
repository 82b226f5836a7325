import type { ListSchema } from './schema';
import { servicesList } from './services';
import { supportGroupsList } from './support-groups';
import { ticketsList } from './tickets';

export * from './schema';
export { servicesList, supportGroupsList, ticketsList };

/** Every list the product provisions, keyed by a stable logical name (display names are configurable). */
export const allLists = {
  tickets: ticketsList,
  supportGroups: supportGroupsList,
  services: servicesList,
} as const satisfies Record<string, ListSchema>;

export type ListKey = keyof typeof allLists;
