// A transport that paces a long import on the server's answers: after a 429 or 503 with Retry-After nothing at all
// is sent until it has passed (the adapter's retry waits only for the request that was refused, while other writes
// in flight would go on); when RateLimit headers say the budget is nearly spent, it waits for the reset.
// SharePoint counts throttled requests against the budget too, so sending during a Retry-After only prolongs it.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { NodeHttpTransport } from '../../data/http/node-transport';
import { headerValue } from '../../data/http/headers';
import { retryAfterMs } from '../../data/http/retry-policy';

export interface GateStats {
  /** Answers that asked us to wait. */
  throttled: number;
  /** Time requests spent waiting at the gate, summed over requests. */
  waitedMs: number;
  /** Requests sent. */
  sent: number;
}

export interface ThrottleGateOptions {
  readonly inner?: Middleware;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Pause for the reset when RateLimit-Remaining falls to this share of RateLimit-Limit or below. */
  readonly reserveShare?: number;
}

export class ThrottleGate implements Middleware {
  private until = 0;
  private readonly inner: Middleware;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  readonly stats: GateStats = { throttled: 0, waitedMs: 0, sent: 0 };

  constructor(private readonly options: ThrottleGateOptions = {}) {
    this.inner = options.inner ?? new NodeHttpTransport();
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** The instant before which no request leaves (0 when open). */
  closedUntil(): number {
    return this.until;
  }

  /** Waits while the gate is closed. */
  async beforeSend(): Promise<void> {
    for (let wait = this.until - this.now(); wait > 0; wait = this.until - this.now()) {
      this.stats.waitedMs += wait;
      await this.sleep(wait);
    }
    this.stats.sent += 1;
  }

  /** Reads an answer: Retry-After closes the gate for everyone; a nearly spent RateLimit budget closes it until reset. */
  afterAnswer(status: number, headers: Headers): void {
    const now = this.now();
    if (status === 429 || status === 503) {
      this.stats.throttled += 1;
      this.closeUntil(now + (retryAfterMs(headers, now) ?? 1000));
      return;
    }
    // Preview headers SharePoint sends near the per-minute budget: RateLimit-Limit, -Remaining, -Reset (seconds).
    const remaining = Number(headerValue(headers, 'ratelimit-remaining') ?? Number.NaN);
    const limit = Number(headerValue(headers, 'ratelimit-limit') ?? Number.NaN);
    const reset = Number(headerValue(headers, 'ratelimit-reset') ?? Number.NaN);
    if (Number.isFinite(remaining) && Number.isFinite(limit) && limit > 0 && Number.isFinite(reset) && remaining <= limit * (this.options.reserveShare ?? 0.05)) {
      this.closeUntil(now + reset * 1000);
    }
  }

  /**
   * A $batch answers 200 while its steps may each be throttled: read the steps' own statuses and headers too.
   * (The answer is cloned, so the caller still reads the body it expects.)
   */
  async afterBatchAnswer(response: Response): Promise<void> {
    if (response.status !== 200) return;
    let body: { responses?: { status?: number; headers?: Record<string, string> }[] };
    try {
      body = (await response.clone().json()) as typeof body;
    } catch {
      return;
    }
    for (const step of body.responses ?? []) this.afterAnswer(step.status ?? 200, new Headers(step.headers ?? {}));
  }

  /** As the Graph client's last middleware (the transport). */
  async execute(context: Context): Promise<void> {
    await this.beforeSend();
    await this.inner.execute(context);
    const response = context.response;
    if (!response) return;
    this.afterAnswer(response.status, response.headers);
    if (isBatch(context.request)) await this.afterBatchAnswer(response);
  }

  private closeUntil(at: number): void {
    if (at > this.until) this.until = at;
  }
}

function isBatch(input: RequestInfo | URL): boolean {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  return /\/\$batch(\?|$)/.test(url);
}
