// JSON batching (https://learn.microsoft.com/en-us/graph/json-batching): at most 20 steps, step URLs relative and
// without the version (TOOLCHAIN.md: Graph answers a step URL with /v1.0 400). A batch answer can hold per-step 429s
// or 503s: only those steps (and steps that failed only because they depended on them) are sent again, after the
// longest Retry-After they asked for, within a bound (docs/decisions/0251).
import type { GraphRequestError } from '../errors';
import { errorFromResponse, parseGraphErrorBody, thresholdReason } from '../http/error-mapping';
import type { GraphHttp, HttpMethod, QueryValue } from '../http/graph-http';
import { queryString } from '../http/graph-http';
import { headerValue } from '../http/headers';
import { backoffMs, retryAfterMs, retryPolicy, type RetryPolicy } from '../http/retry-policy';

export const MAX_BATCH_STEPS = 20;

export interface BatchStep {
  /** Unique in the batch. */
  readonly id: string;
  readonly method: HttpMethod;
  /** Path after the version, e.g. /sites/{site-id}/lists/{list-id}/items. */
  readonly path: string;
  readonly query?: Readonly<Record<string, QueryValue>>;
  readonly headers?: Readonly<Record<string, string>>;
  /** JSON body; sent with Content-Type: application/json unless headers say otherwise. */
  readonly body?: unknown;
  readonly dependsOn?: readonly string[];
}

export interface BatchStepResult<T = unknown> {
  readonly id: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: T | undefined;
  /** The typed error for a status of 400 or more (ThrottledError when 429s outlasted the bound). */
  readonly error: GraphRequestError | undefined;
  /** Times the step was sent. */
  readonly tries: number;
}

interface WireResponse {
  readonly id: string;
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
}

const RETRYABLE = new Set([429, 503]);

/** A step URL as Graph wants it inside a batch: relative, no version. */
export function stepUrl(path: string, query?: Readonly<Record<string, QueryValue>>): string {
  if (!path.startsWith('/')) throw new Error(`A batch step path must start with '/': ${path}`);
  if (/^\/(v1\.0|beta)(\/|$)/i.test(path)) throw new Error(`A batch step path must not carry the API version (Graph answers it 400): ${path}`);
  return `${path}${queryString(query)}`;
}

/** Sends up to 20 steps as one $batch, re-sending only throttled steps; answers by step id. */
export async function sendBatch(http: GraphHttp, steps: readonly BatchStep[], retry: Partial<RetryPolicy> = {}): Promise<Map<string, BatchStepResult>> {
  if (steps.length === 0) return new Map();
  if (steps.length > MAX_BATCH_STEPS) throw new RangeError(`A batch holds at most ${MAX_BATCH_STEPS} steps; got ${steps.length}. Split it.`);
  const ids = new Set(steps.map((s) => s.id));
  if (ids.size !== steps.length) throw new Error('Batch step ids must be unique');
  const policy = retryPolicy({ ...http.retry, ...retry });
  const results = new Map<string, BatchStepResult>();
  const tries = new Map<string, number>();
  let pending = [...steps];
  let waitedMs = 0;
  for (;;) {
    const answer = await http.post<{ responses?: WireResponse[] }>('/$batch', { requests: pending.map((s) => wireStep(s, results)) });
    for (const step of pending) tries.set(step.id, (tries.get(step.id) ?? 0) + 1);
    const byId = new Map((answer.body?.responses ?? []).map((r) => [String(r.id), r]));
    const again = new Set<string>();
    for (const step of pending) {
      const wire = byId.get(step.id);
      if (!wire) throw new Error(`The $batch answer has no response for step '${step.id}'`);
      if (isRetryable(wire)) again.add(step.id);
    }
    // A step that failed only because a re-sent step failed is re-sent with it.
    for (const step of pending) {
      if (byId.get(step.id)?.status === 424 && (step.dependsOn ?? []).some((d) => again.has(d))) again.add(step.id);
    }
    const delay = again.size === 0 ? undefined : delayFor(pending.filter((s) => again.has(s.id)).map((s) => byId.get(s.id)!), policy, Math.max(...[...again].map((id) => tries.get(id) ?? 1)));
    const giveUp = delay === undefined || Math.max(...[...again].map((id) => tries.get(id) ?? 1)) >= policy.maxTries || waitedMs + delay > policy.maxTotalWaitMs;
    for (const step of pending) {
      if (again.has(step.id) && !giveUp) continue;
      results.set(step.id, toResult(step, byId.get(step.id)!, tries.get(step.id) ?? 1, waitedMs));
    }
    if (giveUp) return results;
    await policy.sleep(delay);
    waitedMs += delay;
    pending = pending.filter((s) => again.has(s.id));
  }
}

/** A dependency that already succeeded in an earlier round is not named again (it is not in this batch). */
function wireStep(step: BatchStep, done: ReadonlyMap<string, BatchStepResult>): Record<string, unknown> {
  const headers: Record<string, string> = { ...step.headers };
  if (step.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
  const dependsOn = (step.dependsOn ?? []).filter((d) => !done.has(d));
  return {
    id: step.id, method: step.method, url: stepUrl(step.path, step.query),
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    ...(step.body !== undefined ? { body: step.body } : {}),
    ...(dependsOn.length > 0 ? { dependsOn } : {}),
  };
}

function isRetryable(wire: WireResponse): boolean {
  if (!RETRYABLE.has(wire.status)) return false;
  // A list view threshold refusal can come as 429; retrying cannot help.
  return thresholdReason(wire.status, parseGraphErrorBody(JSON.stringify(wire.body ?? {}), wire.status)) === null;
}

function delayFor(throttled: readonly WireResponse[], policy: RetryPolicy, tries: number): number {
  const asked = throttled.map((w) => retryAfterMs(w.headers ?? {}, policy.now())).filter((ms): ms is number => ms !== undefined);
  return asked.length > 0 ? Math.max(...asked) : backoffMs(tries + 1, policy);
}

function toResult(step: BatchStep, wire: WireResponse, tries: number, waitedMs: number): BatchStepResult {
  const headers = wire.headers ?? {};
  const error = wire.status >= 400
    ? errorFromResponse(wire.status, JSON.stringify(wire.body ?? {}), headers, { method: step.method, path: step.path, outcome: { tries, waitedMs } })
    : undefined;
  return { id: step.id, status: wire.status, headers, body: wire.body, error, tries };
}

/** Header lookup for step answers (Graph writes "Content-Type", "Retry-After", ...; any case is accepted). */
export function stepHeader(result: BatchStepResult, name: string): string | undefined {
  return headerValue(result.headers, name);
}
