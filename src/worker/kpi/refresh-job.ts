// The worker's KPI job: every few minutes the current month's cells (today's included) are recomputed from the
// tickets touched this month; once a day, and when no rebuild has ever run, every cell is rebuilt from history, which
// also settles months that ended since. Runs never overlap, and a failed run is logged and tried at the next tick.
import { rebuildAll, refreshRecent, type KpiRebuildDeps, type RebuildSummary } from '../../api/kpi/rebuild';

export interface KpiJobOptions {
  readonly intervalMs?: number;
  readonly fullRebuildEveryMs?: number;
  readonly now?: () => Date;
  readonly log?: (line: string) => void;
}

export interface KpiJob {
  /** One tick, as the timer runs it; resolves with what it did (null when a run was still going). */
  runOnce(): Promise<RebuildSummary | null>;
  stop(): void;
}

const DAY = 24 * 60 * 60 * 1000;

export function startKpiJob(deps: KpiRebuildDeps, options: KpiJobOptions = {}): KpiJob {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.log(line));
  let running: Promise<RebuildSummary> | null = null;

  const tick = async (): Promise<RebuildSummary> => {
    const at = now();
    const meta = await deps.cells.readMeta();
    const stale = !meta || at.getTime() - Date.parse(meta.rebuiltAt) >= (options.fullRebuildEveryMs ?? DAY);
    const summary = stale ? await rebuildAll(deps, at) : await refreshRecent(deps, at);
    log(`kpi: ${stale ? 'full rebuild' : 'this month refreshed'}: ${summary.tickets} tickets, ${summary.cells} cells, ${summary.writes.created + summary.writes.updated + summary.writes.deleted} writes in ${summary.seconds.toFixed(1)} s`);
    return summary;
  };
  const runOnce = async (): Promise<RebuildSummary | null> => {
    if (running) return null;
    running = tick();
    try {
      return await running;
    } finally {
      running = null;
    }
  };
  const timer = setInterval(() => {
    runOnce().catch((error: unknown) => log(`kpi: refresh failed, trying again at the next tick: ${error instanceof Error ? error.message : String(error)}`));
  }, options.intervalMs ?? 5 * 60 * 1000);
  timer.unref();
  return { runOnce, stop: () => clearInterval(timer) };
}
