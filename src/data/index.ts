// The Graph adapter's public surface for the API and the worker.
export * from './errors';
export { createGraphClient, createGraphHttp, GRAPH_BASE_URL, GRAPH_VERSION, type GraphClientOptions } from './client';
export { createClientCredentialsTokenProvider, GRAPH_DEFAULT_SCOPE, type ClientCredentialsOptions, type ClientCredentialsTokenProvider } from './auth/client-credentials';
export { AuthMiddleware, type AccessTokenSource } from './http/auth-middleware';
export { RetryMiddleware } from './http/retry-middleware';
export { DEFAULT_RETRY_POLICY, backoffMs, retryAfterMs, type RetryPolicy } from './http/retry-policy';
export { GraphHttp, type GraphAnswer, type SendOptions } from './http/graph-http';
export { normaliseNextLink } from './http/next-link';
export * from './odata';
export { ListsGateway, PageCapExceededError, MAX_PAGE_SIZE, type ItemQuery, type UpdatedItem } from './lists/lists-gateway';
export { resolveSite, columnDefinition, type EnsuredList } from './lists/list-admin';
export type { ItemPage, ListItem } from './lists/types';
export { FieldReader, readField, writeField, writeFields, TEXT_MAX_LENGTH, NOTE_MAX_LENGTH, type FieldValue, type FieldValues } from './mappers/fields';
export { ticketToFields, ticketFromItem, ticketIsOpen, type StoredTicketRecord, type TicketStorageExtras } from './mappers/tickets';
export { supportGroupToFields, supportGroupFromItem, type SupportGroupRecord } from './mappers/support-groups';
export { serviceToFields, serviceFromItem, type ServiceRecord } from './mappers/services';
export { parseHistory, historyToJson } from './mappers/history';
