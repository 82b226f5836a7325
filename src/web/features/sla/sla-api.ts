// The tab's calls to the SLA routes (src/api/sla). Kept beside the feature so the shared endpoints file stays small.
import type {
  BankHolidaysDto,
  CalendarDto,
  CalendarRequest,
  ClockPolicyRequest,
  OlaAgreementDto,
  SlaPolicyDto,
  SlaSettingsDto,
  TicketClocksResponse,
} from '../../../contracts/sla';
import type { ApiClient } from '../../api-client/client';

const seg = encodeURIComponent;

export const getClocks = (api: ApiClient, number: string) => api.get<TicketClocksResponse>(`/api/tickets/${seg(number)}/clocks`);

export const getCalendars = (api: ApiClient) => api.get<{ items: CalendarDto[] }>('/api/admin/calendars');
export const putCalendar = (api: ApiClient, key: string, body: CalendarRequest, etag: string | null) =>
  api.put<CalendarDto>(`/api/admin/calendars/${seg(key)}`, body, etag ? { 'if-match': etag } : {});
export const putClosureDay = (api: ApiClient, key: string, date: string, title: string) =>
  api.put<{ date: string; title: string }>(`/api/admin/calendars/${seg(key)}/closure-days/${seg(date)}`, { title });
export const deleteClosureDay = (api: ApiClient, key: string, date: string) => api.delete<void>(`/api/admin/calendars/${seg(key)}/closure-days/${seg(date)}`);

export const getBankHolidays = (api: ApiClient) => api.get<{ items: BankHolidaysDto[] }>('/api/admin/bank-holidays');
export const loadBankHolidays = (api: ApiClient, division: string, feed: string) => api.post<BankHolidaysDto>(`/api/admin/bank-holidays/${seg(division)}`, { feed });

export const getSlaPolicies = (api: ApiClient) => api.get<{ items: SlaPolicyDto[] }>('/api/admin/sla-policies');
export const publishSlaPolicy = (api: ApiClient, key: string, body: ClockPolicyRequest) => api.post<SlaPolicyDto>(`/api/admin/sla-policies/${seg(key)}/versions`, body);
export const getSlaSettings = (api: ApiClient) => api.get<SlaSettingsDto>('/api/admin/sla-settings');
export const putSlaSettings = (api: ApiClient, autoCloseBusinessDays: number) => api.put<SlaSettingsDto>('/api/admin/sla-settings', { autoCloseBusinessDays });

export const getOlaAgreements = (api: ApiClient) => api.get<{ items: OlaAgreementDto[] }>('/api/admin/ola-agreements');
export const draftOlaAgreement = (api: ApiClient, key: string, body: ClockPolicyRequest & { publish?: boolean }) =>
  api.post<OlaAgreementDto>(`/api/admin/ola-agreements/${seg(key)}/versions`, body);
export const approveOlaAgreement = (api: ApiClient, key: string, version: number) =>
  api.post<OlaAgreementDto>(`/api/admin/ola-agreements/${seg(key)}/versions/${version}/approve`, {});
