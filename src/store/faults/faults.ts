// Test-only fault injection for /v1.0. Today: "answer the next N requests with 429 and a Retry-After".
// Kept as a list of plans so 503s, slow answers and dropped connections can join later.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errorBody } from './http/errors';
import { requestIds } from './http/request-context';

export const faultSettingsSchema = z.object({
  throttleNext: z.number().int().min(0).max(100_000),
  retryAfterSeconds: z.number().int().min(0).max(3600).default(1),
  /** Sent with exactly this letter case, so clients can be tested against any casing. */
  retryAfterHeaderName: z.string().regex(/^retry-after$/i, 'retryAfterHeaderName must be Retry-After in some letter case').default('Retry-After'),
  /** Graph's documented throttling code; innerError carries throttledRequest as observed from SharePoint. */
  code: z.string().min(1).default('activityLimitReached'),
}).strict();

export type FaultSettings = z.input<typeof faultSettingsSchema>;

interface ThrottlePlan {
  readonly kind: 'throttle';
  remaining: number;
  readonly retryAfterSeconds: number;
  readonly headerName: string;
  readonly code: string;
}

type FaultPlan = ThrottlePlan;

export class Faults {
  private plans: FaultPlan[] = [];

  set(input: FaultSettings): void {
    const s = faultSettingsSchema.parse(input);
    this.plans = s.throttleNext > 0
      ? [{ kind: 'throttle', remaining: s.throttleNext, retryAfterSeconds: s.retryAfterSeconds, headerName: s.retryAfterHeaderName, code: s.code }]
      : [];
  }

  clear(): void {
    this.plans = [];
  }

  snapshot(): object {
    const throttle = this.plans.find((p) => p.kind === 'throttle');
    return { throttleRemaining: throttle?.remaining ?? 0 };
  }

  /** onRequest hook: answers a faulted request itself and stops the chain. */
  readonly hook = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const plan = this.plans.find((p) => p.remaining > 0);
    if (!plan) return;
    plan.remaining -= 1;
    if (plan.remaining === 0) this.plans = this.plans.filter((p) => p !== plan);
    const body = JSON.stringify(errorBody(request, plan.code, 'The request has been throttled', { innerCode: 'throttledRequest' }));
    const ids = requestIds(request);
    reply.hijack();
    // A flat header array keeps the header name's letter case on the wire.
    reply.raw.writeHead(429, [
      plan.headerName, String(plan.retryAfterSeconds),
      'Content-Type', 'application/json',
      'Content-Length', String(Buffer.byteLength(body)),
      'request-id', ids.requestId,
      'client-request-id', ids.clientRequestId,
    ]);
    reply.raw.end(body);
  };
}
