// The KPI targets page's calls: read every target version and the margin, add a version, set the margin. Changes send
// the ETag that was read, so a change made meanwhile by another admin is a 409 rather than silently overwritten.
import type { KpiSettingsDto, NewKpiTargetVersionRequest } from '../../../../contracts/kpi-settings';
import type { ApiClient } from '../../../api-client/client';

const ifMatch = (etag: string | null): Record<string, string> => (etag ? { 'if-match': etag } : {});

export const getKpiSettings = (api: ApiClient) => api.get<KpiSettingsDto>('/api/admin/kpi-settings');

export const addKpiTargetVersion = (api: ApiClient, id: string, body: NewKpiTargetVersionRequest, etag: string | null) =>
  api.post<KpiSettingsDto>(`/api/admin/kpi-targets/${encodeURIComponent(id)}/versions`, body, ifMatch(etag));

export const setWatermelonMargin = (api: ApiClient, points: number, etag: string | null) =>
  api.put<KpiSettingsDto>('/api/admin/kpi-settings', { watermelonMarginPoints: points }, ifMatch(etag));
