// The worker: timed jobs that keep derived data and notifications up to date. Each job is idempotent, so running
// it twice, or on two hosts, does the work once. The embedded server runs them every minute (src/server wires it);
// `npm run worker -- once <job>` runs one now.
import type { Job, JobReport, WorkerDeps } from './deps';
import { runAutoClose } from './jobs/auto-close';
import { breachWarningsJob } from './jobs/breach-warnings';
import { kpiAggregatesJob } from './kpi/kpi-job';
import { createScheduler, type Scheduler } from './scheduler';

export const JOB_NAMES = ['breach-warnings', 'auto-close', 'kpi-aggregates'] as const;
export type JobName = (typeof JOB_NAMES)[number];
export const isJobName = (name: string): name is JobName => (JOB_NAMES as readonly string[]).includes(name);

export interface Worker {
  readonly jobs: Readonly<Record<JobName, Job>>;
  runOnce(name: JobName, now?: Date): Promise<JobReport>;
  /** Every job, in order. */
  runAll(now?: Date): Promise<JobReport[]>;
  readonly scheduler: Scheduler;
}

export interface WorkerOptions {
  readonly clock: () => Date;
  readonly intervalMs?: number;
  readonly log?: (line: string) => void;
}

const summary = (r: JobReport): string =>
  `${r.job}: ${r.examined} examined, ${r.done} done, ${r.skipped} skipped${r.problems.length ? `, ${r.problems.length} problems (first: ${r.problems[0]})` : ''}`;

export function createWorker(deps: WorkerDeps, options: WorkerOptions): Worker {
  const log = options.log ?? console.log;
  const jobs: Record<JobName, Job> = {
    'breach-warnings': breachWarningsJob(deps),
    'auto-close': (now) => runAutoClose(deps, now),
    'kpi-aggregates': deps.kpi ? kpiAggregatesJob(deps.kpi) : async (now) => ({ job: 'kpi-aggregates', at: now.toISOString(), examined: 0, done: 0, skipped: 0, problems: [] }),
  };
  const runOnce = (name: JobName, now: Date = options.clock()) => jobs[name](now);
  async function runAll(now: Date = options.clock()): Promise<JobReport[]> {
    const reports: JobReport[] = [];
    for (const name of JOB_NAMES) {
      const report = await runOnce(name, now);
      if (report.done > 0 || report.problems.length > 0) log(summary(report));
      reports.push(report);
    }
    return reports;
  }
  const scheduler = createScheduler(async () => void (await runAll()), options.intervalMs ?? 60_000, log);
  return { jobs, runOnce, runAll, scheduler };
}

export { summary as describeJobReport };
export type { JobReport, WorkerDeps } from './deps';
export { systemPerson } from './deps';
export { graphOutbox } from './outbox';
export { graphTicketReads } from './ticket-reads';
