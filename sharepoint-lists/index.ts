import { calendarsList } from './calendars';
import { categoriesList } from './categories';
import { closureDaysList } from './closure-days';
import { configurationList } from './configuration';
import { notificationOutboxList } from './notification-outbox';
import { olaAgreementsList } from './ola-agreements';
import type { ListSchema } from './schema';
import { servicesList } from './services';
import { slaPoliciesList } from './sla-policies';
import { supportGroupsList } from './support-groups';
import { ticketMessagesList } from './ticket-messages';
import { ticketsList } from './tickets';

export * from './schema';
export { categoriesList, configurationList, servicesList, supportGroupsList, ticketMessagesList, ticketsList };
export { calendarsList, closureDaysList, notificationOutboxList, olaAgreementsList, slaPoliciesList };

/** Every list the product provisions, keyed by a stable logical name (display names are configurable). */
export const allLists = {
  tickets: ticketsList,
  supportGroups: supportGroupsList,
  services: servicesList,
  ticketMessages: ticketMessagesList,
  categories: categoriesList,
  configuration: configurationList,
  calendars: calendarsList,
  closureDays: closureDaysList,
  slaPolicies: slaPoliciesList,
  olaAgreements: olaAgreementsList,
  notificationOutbox: notificationOutboxList,
} as const satisfies Record<string, ListSchema>;

export type ListKey = keyof typeof allLists;
