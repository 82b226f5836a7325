import { categoriesList } from './categories';
import { configurationList } from './configuration';
import type { ListSchema } from './schema';
import { servicesList } from './services';
import { supportGroupsList } from './support-groups';
import { ticketMessagesList } from './ticket-messages';
import { ticketsList } from './tickets';

export * from './schema';
export { categoriesList, configurationList, servicesList, supportGroupsList, ticketMessagesList, ticketsList };

/** Every list the product provisions, keyed by a stable logical name (display names are configurable). */
export const allLists = {
  tickets: ticketsList,
  supportGroups: supportGroupsList,
  services: servicesList,
  ticketMessages: ticketMessagesList,
  categories: categoriesList,
  configuration: configurationList,
} as const satisfies Record<string, ListSchema>;

export type ListKey = keyof typeof allLists;
