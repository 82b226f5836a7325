import type { DevUserDto, MeResponse, QueuePageResponse, ReferenceDataResponse } from '../../contracts/api';
import type { ApiClient } from './client';

export const getMe = (api: ApiClient) => api.get<MeResponse>('/api/me');
export const getReference = (api: ApiClient) => api.get<ReferenceDataResponse>('/api/reference');

export function getQueuePage(api: ApiClient, groupKey: string, cursor: string | null, pageSize = 50) {
  const query = new URLSearchParams({ pageSize: String(pageSize) });
  if (cursor) query.set('cursor', cursor);
  return api.get<QueuePageResponse>(`/api/queues/${encodeURIComponent(groupKey)}?${query.toString()}`);
}

export const getDevUsers = (api: ApiClient) => api.get<DevUserDto[]>('/dev/users');
export const postDevToken = (api: ApiClient, upn: string) => api.post<{ access_token: string }>('/dev/token', { upn });
