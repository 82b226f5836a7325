// How long to wait before another try: the server's Retry-After when it gives one, else capped exponential backoff.
import { headerValue, type HeadersLike } from './headers';

export interface RetryPolicy {
  /** Tries in all, the first included. */
  readonly maxTries: number;
  /** The most the retries may wait in total; a wait that would pass it ends the retrying instead. */
  readonly maxTotalWaitMs: number;
  /** First backoff step when the server gives no Retry-After. */
  readonly baseDelayMs: number;
  /** Cap on one backoff step (not on a server's Retry-After). */
  readonly maxDelayMs: number;
  /** Per-try time limit; a try that takes longer counts as a dropped connection. 0 disables it. */
  readonly attemptTimeoutMs: number;
  /** Jitter source in [0, 1); injectable so tests can pin the delays. */
  readonly random: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxTries: 5,
  maxTotalWaitMs: 60_000,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  attemptTimeoutMs: 60_000,
  random: Math.random,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: Date.now,
};

export function retryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY, ...overrides };
  if (!Number.isInteger(policy.maxTries) || policy.maxTries < 1) throw new RangeError('maxTries must be a whole number of at least 1');
  if (policy.maxTotalWaitMs < 0 || policy.baseDelayMs < 0 || policy.maxDelayMs < 0) throw new RangeError('retry delays must not be negative');
  return policy;
}

/**
 * Milliseconds the server asked us to wait, from Retry-After in seconds or as an HTTP date, whatever the letter case
 * of the header's name. Undefined when absent or unreadable.
 */
export function retryAfterMs(headers: HeadersLike | undefined, nowMs: number): number | undefined {
  const raw = headerValue(headers, 'retry-after')?.trim();
  if (!raw) return undefined;
  if (/^\d+(\.\d+)?$/.test(raw)) return Math.round(Number(raw) * 1000);
  const at = Date.parse(raw);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/**
 * Backoff before try number `nextTry` (2 for the first retry): base * 2^(n-2), capped, with "equal jitter"
 * (half fixed, half random) so callers that failed together do not come back together.
 */
export function backoffMs(nextTry: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, nextTry - 2));
  const jitter = Math.min(Math.max(policy.random(), 0), 1);
  return Math.round(step / 2 + (step / 2) * jitter);
}
