// Fault injection for /v1.0 (a store setting: test controls, createStore's `faults`, or ITSM_STORE_FAULTS).
// Throttling follows https://learn.microsoft.com/en-us/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online
// (429 or 503, each with Retry-After); dropped connections destroy the socket before or after the work is done.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from '../http/errors';
import { requestIds } from '../http/request-context';
import { FAULT_KINDS, faultSettingsSchema, seededRandom, type FaultKind, type FaultSettings, type ParsedFaultSettings } from './settings';

export type { FaultSettings } from './settings';

interface Plan {
  readonly probability: number;
  /** Faults left to inject; Infinity when only a probability was given. */
  remaining: number;
}

type Decision =
  | { readonly kind: 'throttle' | 'unavailable'; readonly retryAfterSeconds: number }
  | { readonly kind: 'slow'; readonly delayMs: number }
  | { readonly kind: 'drop'; readonly afterWork: boolean };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class Faults {
  private settings: ParsedFaultSettings | undefined;
  private plans = new Map<FaultKind, Plan>();
  private random: () => number = Math.random;
  private injected: Record<FaultKind, number> = { throttle: 0, unavailable: 0, slow: 0, drop: 0 };
  private readonly dropAfterWork = new WeakSet<FastifyRequest>();

  /** @param isBatchStep tells a $batch step (served in-process, without a socket to drop) from a real request. */
  constructor(private readonly isBatchStep: (request: FastifyRequest) => boolean = () => false) {}

  set(input: FaultSettings): void {
    const s = faultSettingsSchema.parse(input);
    const plans = new Map<FaultKind, Plan>();
    const rules: Record<FaultKind, { probability?: number | undefined; count?: number | undefined } | undefined> = {
      throttle: s.throttle ?? (s.throttleNext ? { count: s.throttleNext } : undefined),
      unavailable: s.unavailable, slow: s.slow, drop: s.drop,
    };
    for (const kind of FAULT_KINDS) {
      const rule = rules[kind];
      if (!rule || rule.count === 0 || rule.probability === 0) continue;
      plans.set(kind, { probability: rule.probability ?? 1, remaining: rule.count ?? Number.POSITIVE_INFINITY });
    }
    this.settings = s;
    this.plans = plans;
    this.random = s.seed === undefined ? Math.random : seededRandom(s.seed);
    this.injected = { throttle: 0, unavailable: 0, slow: 0, drop: 0 };
  }

  clear(): void {
    this.settings = undefined;
    this.plans = new Map();
  }

  snapshot(): object {
    const remaining = (kind: FaultKind): number | null => {
      const plan = this.plans.get(kind);
      if (!plan) return 0;
      return Number.isFinite(plan.remaining) ? plan.remaining : null;
    };
    return {
      throttleRemaining: remaining('throttle'),
      remaining: Object.fromEntries(FAULT_KINDS.map((k) => [k, remaining(k)])),
      injected: { ...this.injected },
    };
  }

  /** onRequest hook: a faulted request is answered (or dropped) here; a slow one waits, then goes on. */
  readonly hook = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const decision = this.decide(request);
    if (!decision) return;
    switch (decision.kind) {
      case 'slow':
        await sleep(decision.delayMs);
        return;
      case 'drop':
        if (decision.afterWork) {
          this.dropAfterWork.add(request);
          return;
        }
        reply.hijack();
        request.raw.socket?.destroy();
        return;
      case 'throttle':
      case 'unavailable':
        this.answer(request, reply, decision.kind === 'throttle' ? 429 : 503, decision.retryAfterSeconds);
    }
  };

  /** onSend hook: the work is done and committed; the answer never leaves. */
  readonly onSend = async (request: FastifyRequest, _reply: FastifyReply, payload: unknown): Promise<unknown> => {
    if (this.dropAfterWork.has(request)) request.raw.socket?.destroy();
    return payload;
  };

  private decide(request: FastifyRequest): Decision | undefined {
    const settings = this.settings;
    if (!settings || (settings.methods && !settings.methods.includes(request.method as never))) return undefined;
    const step = this.isBatchStep(request);
    if ((settings.scope === 'batchSteps' && !step) || (settings.scope === 'requests' && step)) return undefined;
    for (const kind of FAULT_KINDS) {
      const plan = this.plans.get(kind);
      // A $batch step has no socket of its own: only the batch as a whole can lose its connection.
      if (!plan || plan.remaining <= 0 || (kind === 'drop' && step)) continue;
      if (this.random() >= plan.probability) continue;
      plan.remaining -= 1;
      this.injected[kind] += 1;
      if (kind === 'slow') return { kind, delayMs: settings.slow?.delayMs ?? 1000 };
      if (kind === 'drop') {
        const phase = settings.drop?.phase ?? 'either';
        return { kind, afterWork: phase === 'afterWork' || (phase === 'either' && this.random() < 0.5) };
      }
      const rule = kind === 'throttle' ? settings.throttle : settings.unavailable;
      return { kind, retryAfterSeconds: rule?.retryAfterSeconds ?? settings.retryAfterSeconds };
    }
    return undefined;
  }

  private answer(request: FastifyRequest, reply: FastifyReply, status: 429 | 503, retryAfterSeconds: number): void {
    const settings = this.settings!;
    const body = JSON.stringify(status === 429
      ? errorBody(request, settings.code, 'The request has been throttled', { innerCode: 'throttledRequest' })
      : errorBody(request, 'serviceNotAvailable', 'The service is temporarily unavailable. Please retry after the time in the Retry-After header.'));
    if (this.isBatchStep(request)) {
      void reply.code(status).header('Retry-After', String(retryAfterSeconds)).type('application/json').send(body);
      return;
    }
    const ids = requestIds(request);
    reply.hijack();
    // A flat header array keeps the header name's letter case on the wire.
    reply.raw.writeHead(status, [
      settings.retryAfterHeaderName, String(retryAfterSeconds),
      'Content-Type', 'application/json',
      'Content-Length', String(Buffer.byteLength(body)),
      'request-id', ids.requestId,
      'client-request-id', ids.clientRequestId,
    ]);
    reply.raw.end(body);
  }
}
