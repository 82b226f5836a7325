// The KPI aggregates as a worker job (the scheduler calls it every minute): this month's cells are refreshed at most
// every `refreshEveryMs`, and every cell is rebuilt when the last full rebuild is a day old (or never ran), which also
// settles months that ended since.
import { rebuildAll, refreshRecent, type KpiRebuildDeps } from '../../api/kpi/rebuild';
import type { Job, JobReport } from '../deps';

export interface KpiJobTiming {
  readonly refreshEveryMs?: number;
  readonly fullRebuildEveryMs?: number;
}

const DAY = 24 * 60 * 60 * 1000;

export function kpiAggregatesJob(deps: KpiRebuildDeps, timing: KpiJobTiming = {}): Job {
  let lastRefresh = Number.NEGATIVE_INFINITY;
  return async (now: Date): Promise<JobReport> => {
    const at = now.getTime();
    const meta = await deps.cells.readMeta();
    const full = !meta || at - Date.parse(meta.rebuiltAt) >= (timing.fullRebuildEveryMs ?? DAY);
    if (!full && at - lastRefresh < (timing.refreshEveryMs ?? 5 * 60 * 1000)) {
      return { job: 'kpi-aggregates', at: now.toISOString(), examined: 0, done: 0, skipped: 0, problems: [] };
    }
    const s = full ? await rebuildAll(deps, now) : await refreshRecent(deps, now);
    lastRefresh = at;
    return {
      job: 'kpi-aggregates',
      at: now.toISOString(),
      examined: s.tickets,
      done: s.writes.created + s.writes.updated + s.writes.deleted,
      skipped: s.writes.unchanged,
      problems: s.skipped.slice(0, 5).map((e) => `${e.ticket}: ${e.code} ${e.message}`),
    };
  };
}
