// Retries what load or a flaky network refused, within a bound, and never what retrying cannot fix.
// - 429 and 503: the server did not do the work, so any method is retried (a POST included).
// - 502, 504 and dropped connections: the work may have been done, so only idempotent methods are retried.
//   A refused connection (nothing reached the server) is retried for any method.
// - A list view threshold refusal, whatever status it comes with, is the query's shape: answered at once.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { parseGraphErrorBody, thresholdReason } from './error-mapping';
import { backoffMs, retryAfterMs, retryPolicy, type RetryPolicy } from './retry-policy';
import { requestMethod, requestState } from './request-state';

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
const RETRY_ANY_METHOD = new Set([429, 503]);
const RETRY_IDEMPOTENT_ONLY = new Set([502, 504]);

export class RetryMiddleware implements Middleware {
  private next: Middleware | undefined;
  private readonly policy: RetryPolicy;

  constructor(policy: Partial<RetryPolicy> = {}) {
    this.policy = retryPolicy(policy);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    if (!this.next) throw new Error('RetryMiddleware needs a next middleware (the HTTP handler)');
    const state = requestState(context);
    const idempotent = IDEMPOTENT.has(requestMethod(context));
    const callerSignal = context.options?.signal ?? undefined;
    for (;;) {
      state.tries += 1;
      let thrown: unknown;
      try {
        await this.sendOnce(context, callerSignal);
      } catch (error) {
        thrown = error;
        state.networkError = error;
      }
      const delay = thrown === undefined ? await this.delayAfterAnswer(context, idempotent) : this.delayAfterFailure(thrown, idempotent, callerSignal, state.tries);
      if (delay === undefined) {
        if (thrown !== undefined) throw thrown;
        return;
      }
      if (state.tries >= this.policy.maxTries || state.waitedMs + delay > this.policy.maxTotalWaitMs) {
        state.gaveUp = true;
        if (thrown !== undefined) throw thrown;
        return;
      }
      await discardBody(context.response);
      await this.policy.sleep(delay);
      state.waitedMs += delay;
    }
  }

  private async sendOnce(context: Context, callerSignal: AbortSignal | undefined): Promise<void> {
    const next = this.next as Middleware;
    context.response = undefined;
    if (this.policy.attemptTimeoutMs <= 0) {
      await next.execute(context);
      return;
    }
    const timeout = AbortSignal.timeout(this.policy.attemptTimeoutMs);
    const options = context.options ?? (context.options = {});
    options.signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout;
    try {
      await next.execute(context);
    } finally {
      options.signal = callerSignal ?? null;
    }
  }

  /** The wait before another try after an answer, or undefined when the answer is final. */
  private async delayAfterAnswer(context: Context, idempotent: boolean): Promise<number | undefined> {
    const response = context.response;
    if (!response) return undefined;
    const status = response.status;
    if (!RETRY_ANY_METHOD.has(status) && !(idempotent && RETRY_IDEMPOTENT_ONLY.has(status))) return undefined;
    if (await isThresholdRefusal(response)) return undefined;
    const asked = retryAfterMs(response.headers, this.policy.now());
    return asked ?? backoffMs(requestState(context).tries + 1, this.policy);
  }

  private delayAfterFailure(error: unknown, idempotent: boolean, callerSignal: AbortSignal | undefined, tries: number): number | undefined {
    if (callerSignal?.aborted) return undefined;
    if (!idempotent && !neverReachedServer(error)) return undefined;
    return backoffMs(tries + 1, this.policy);
  }
}

async function isThresholdRefusal(response: Response): Promise<boolean> {
  try {
    const text = await response.clone().text();
    return thresholdReason(response.status, parseGraphErrorBody(text, response.status)) !== null;
  } catch {
    return false;
  }
}

/** ECONNREFUSED means the request never reached a server, so even a POST is safe to send again. */
function neverReachedServer(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  return cause?.code === 'ECONNREFUSED';
}

async function discardBody(response: Response | undefined): Promise<void> {
  try {
    await response?.body?.cancel();
  } catch {
    // Nothing to free.
  }
}
