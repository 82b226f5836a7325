import { afterEach, describe, expect, it, vi } from 'vitest';
import { createScheduler } from './scheduler';

afterEach(() => {
  vi.useRealTimers();
});

describe('scheduler', () => {
  it('runs every interval, never two runs at once, goes on after a failure, and stop waits for the run', async () => {
    vi.useFakeTimers();
    const log: string[] = [];
    let running = 0;
    let runs = 0;
    let release: () => void = () => undefined;
    const scheduler = createScheduler(
      async () => {
        runs++;
        running++;
        expect(running).toBe(1);
        if (runs === 2) throw new Error('store unavailable');
        if (runs === 3) await new Promise<void>((r) => (release = r));
        running--;
      },
      60_000,
      (line) => log.push(line),
    );
    scheduler.start();
    await vi.advanceTimersByTimeAsync(59_999);
    expect(runs).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(60_000);
    running = 0;
    expect([runs, log]).toEqual([2, ['worker run failed: store unavailable']]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runs).toBe(3);
    // The third run is slow: no fourth starts while it lasts.
    await vi.advanceTimersByTimeAsync(300_000);
    expect(runs).toBe(3);
    const stopped = scheduler.stop();
    release();
    await stopped;
    await vi.advanceTimersByTimeAsync(300_000);
    expect([runs, scheduler.running]).toEqual([3, false]);
  });
});
