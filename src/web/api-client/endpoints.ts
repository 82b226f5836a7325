import type {
  AttachmentDto,
  CreateIncidentRequest,
  CreateIncidentResponse,
  DevUserDto,
  MeResponse,
  PageResponse,
  PersonDto,
  QueuePageResponse,
  ReferenceDataResponse,
  TicketDetailResponse,
  TicketSummaryDto,
} from '../../contracts/api';
import { IDEMPOTENCY_HEADER } from '../../contracts/api';
import type { ApiClient } from './client';

// Every route the tab calls, in one place: if the API names a route differently, this file changes and nothing else.

const q = (params: Record<string, string | number | null | undefined>): string => {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') query.set(k, String(v));
  const text = query.toString();
  return text ? `?${text}` : '';
};

export const getMe = (api: ApiClient) => api.get<MeResponse>('/api/me');
export const getReference = (api: ApiClient) => api.get<ReferenceDataResponse>('/api/reference');

export const queuePagePath = (groupKey: string, cursor: string | null, pageSize: number): string =>
  `/api/queues/${encodeURIComponent(groupKey)}${q({ pageSize, cursor })}`;

export function getQueuePage(api: ApiClient, groupKey: string, cursor: string | null, pageSize = 50) {
  return api.get<QueuePageResponse>(queuePagePath(groupKey, cursor, pageSize));
}

export const getAssignedPage = (api: ApiClient, cursor: string | null, pageSize = 50) =>
  api.get<PageResponse<TicketSummaryDto>>(`/api/queues/assigned-to-me${q({ pageSize, cursor })}`);

export const getMyTickets = (api: ApiClient, status: 'open' | 'closed', cursor: string | null) =>
  api.get<PageResponse<TicketSummaryDto>>(`/api/my/tickets${q({ status, cursor })}`);

export const findByRequester = (api: ApiClient, requester: string, cursor: string | null) =>
  api.get<PageResponse<TicketSummaryDto>>(`/api/tickets${q({ requester, cursor })}`);

export const getTicket = (api: ApiClient, number: string) => api.get<TicketDetailResponse>(`/api/tickets/${encodeURIComponent(number)}`);

/** With `assignableTo` (a ticket number), only the people that ticket may be assigned to. */
export const searchPeople = (api: ApiClient, search: string, assignableTo?: string) => api.get<PageResponse<PersonDto>>(`/api/people${q({ search, assignableTo })}`);

export const createIncident = (api: ApiClient, body: CreateIncidentRequest, idempotencyKey: string) =>
  api.post<CreateIncidentResponse>('/api/incidents', body, { [IDEMPOTENCY_HEADER]: idempotencyKey });

/** Runs one ticket command (take, hold, resolve, reply, …) against the version the person saw. */
export const runCommand = (api: ApiClient, number: string, action: string, body: Record<string, unknown>, etag: string, commandKey: string) =>
  api.post<TicketDetailResponse>(`/api/tickets/${encodeURIComponent(number)}/${action}`, body, { 'if-match': etag, [IDEMPOTENCY_HEADER]: commandKey });

/** Uploads one file as the raw body, its name in X-File-Name (decision 0257). */
export const uploadAttachment = (api: ApiClient, number: string, file: File) =>
  api.post<{ attachment: AttachmentDto }>(`/api/tickets/${encodeURIComponent(number)}/attachments`, file, { 'x-file-name': encodeURIComponent(file.name) });

export const getDevUsers = (api: ApiClient) => api.get<DevUserDto[]>('/dev/users');
export const postDevToken = (api: ApiClient, upn: string) => api.post<{ access_token: string }>('/dev/token', { upn });

/** A fresh key for a command or create; kept while the person retries the same submission. */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
