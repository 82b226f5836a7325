// The KPI routes (issue 7). Figures come from the aggregate cells; only the drill-down reads tickets, through indexed
// queries. Exports are the same report as the JSON, written as Excel-safe CSV or a printable HTML page.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { KPI_IDS, type KpiId } from '../../domain/kpi';
import type { KpiDrillDto, KpiReportDto, KpiTrendDto } from '../../contracts/kpi';
import { authorize } from '../access/guard';
import type { ApiDependencies } from '../dependencies';
import { ApiError, badRequest } from '../http/api-error';
import { signedIn } from '../routes/request';
import { drillCsv, reportCsv } from '../../contracts/kpi-csv';
import { kpiDrill } from './drill';
import { registerKpiSettingsRoutes } from './kpi-settings-routes';
import { reportHtml } from '../../contracts/kpi-report-html';
import type { KpiServices } from './kpi-services';
import { parseRange, type DayRange } from './period';
import { kpiReport } from './report';
import { knownScope } from './scope';
import { kpiTrend } from './trend';

interface KpiQuery {
  from?: string;
  to?: string;
  group?: string;
  service?: string;
  figure?: string;
  grain?: string;
  format?: string;
}

function servicesOf(deps: ApiDependencies): KpiServices {
  if (!deps.kpi) throw new ApiError(503, 'unavailable', 'KPI figures are not set up on this server.');
  return deps.kpi;
}

function rangeOf(q: KpiQuery): DayRange {
  const r = parseRange(q.from, q.to);
  if (typeof r === 'string') throw badRequest(r, r.startsWith('to') ? 'to' : 'from');
  return r;
}

const download = (reply: FastifyReply, type: string, name: string, body: string): FastifyReply =>
  reply.header('content-type', type).header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'no-store').send(body);

export function registerKpiRoutes(api: FastifyInstance, deps: ApiDependencies): void {
  const report = async (q: KpiQuery, actor: Awaited<ReturnType<typeof signedIn>>): Promise<KpiReportDto> => {
    authorize(actor, 'kpi.read');
    return kpiReport(servicesOf(deps), rangeOf(q), await knownScope(servicesOf(deps), actor, q.group, q.service));
  };

  api.get<{ Querystring: KpiQuery }>('/kpi', async (request): Promise<KpiReportDto> => report(request.query, await signedIn(deps, request)));

  api.get<{ Querystring: KpiQuery }>('/kpi/export.csv', async (request, reply) => {
    const r = await report(request.query, await signedIn(deps, request));
    return download(reply, 'text/csv; charset=utf-8', `kpi-${r.from}-${r.to}.csv`, reportCsv(r));
  });

  api.get<{ Querystring: KpiQuery }>('/kpi/report.html', async (request, reply) => {
    const r = await report(request.query, await signedIn(deps, request));
    return reply.header('content-type', 'text/html; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'").send(reportHtml(r));
  });

  api.get<{ Querystring: KpiQuery }>('/kpi/trend', async (request): Promise<KpiTrendDto> => {
    const actor = await signedIn(deps, request);
    authorize(actor, 'kpi.read');
    const grain = request.query.grain ?? 'month';
    if (grain !== 'week' && grain !== 'month') throw badRequest('grain is week or month.', 'grain');
    return kpiTrend(servicesOf(deps), rangeOf(request.query), grain, await knownScope(servicesOf(deps), actor, request.query.group, request.query.service));
  });

  api.get<{ Querystring: KpiQuery }>('/kpi/drill', async (request, reply): Promise<KpiDrillDto | FastifyReply> => {
    const actor = await signedIn(deps, request);
    authorize(actor, 'kpi.drill');
    const figure = request.query.figure;
    if (!figure || !(KPI_IDS as readonly string[]).includes(figure)) throw badRequest(`figure must be one of ${KPI_IDS.join(', ')}.`, 'figure');
    const d = await kpiDrill(servicesOf(deps), figure as KpiId, rangeOf(request.query), await knownScope(servicesOf(deps), actor, request.query.group, request.query.service));
    return request.query.format === 'csv' ? download(reply, 'text/csv; charset=utf-8', `kpi-${figure}-${d.from}-${d.to}.csv`, drillCsv(d)) : d;
  });

  registerKpiSettingsRoutes(api, deps);
}
