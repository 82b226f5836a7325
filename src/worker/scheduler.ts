// Runs the jobs one after another every interval (a minute in the server), never two runs at once. A run that
// fails is logged and the next one starts on time; stop() waits for a run in progress.
export interface Scheduler {
  start(): void;
  stop(): Promise<void>;
  readonly running: boolean;
}

export function createScheduler(run: () => Promise<void>, intervalMs: number, log: (line: string) => void): Scheduler {
  let timer: NodeJS.Timeout | null = null;
  let current: Promise<void> | null = null;
  let started = false;

  const tick = () => {
    timer = null;
    current = run()
      .catch((error: unknown) => log(`worker run failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        current = null;
        if (started) schedule();
      });
  };
  const schedule = () => {
    timer = setTimeout(tick, intervalMs);
    // The worker never keeps the process alive on its own.
    timer.unref();
  };

  return {
    start() {
      if (started) return;
      started = true;
      schedule();
    },
    async stop() {
      started = false;
      if (timer) clearTimeout(timer);
      timer = null;
      await current;
    },
    get running() {
      return started;
    },
  };
}
