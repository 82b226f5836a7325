// Fault settings for /v1.0: 429 with Retry-After, 503, slow answers and dropped connections, each for the next
// N requests (count), for a share of requests (probability), or both (that share, until N have been faulted).
import { z } from 'zod';

const rule = z.object({
  probability: z.number().min(0).max(1).optional(),
  count: z.number().int().min(0).max(1_000_000).optional(),
}).strict();

const withRetryAfter = rule.extend({ retryAfterSeconds: z.number().int().min(0).max(3600).optional() }).strict();

const METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'] as const;

export const faultSettingsSchema = z.object({
  /** Kept from the first cut: the next N requests get 429. Same as throttle: {count: N}. */
  throttleNext: z.number().int().min(0).max(100_000).optional(),
  throttle: withRetryAfter.optional(),
  unavailable: withRetryAfter.optional(),
  slow: rule.extend({ delayMs: z.number().int().min(1).max(120_000).default(1000) }).strict().optional(),
  /**
   * The socket is destroyed: before the work (nothing happened) or after it (done, but the answer is lost, the
   * case that makes a retried create a duplicate), or either at random.
   */
  drop: rule.extend({ phase: z.enum(['beforeWork', 'afterWork', 'either']).default('either') }).strict().optional(),
  /** Default Retry-After for throttle and unavailable. */
  retryAfterSeconds: z.number().int().min(0).max(3600).default(1),
  /** Sent with exactly this letter case, so clients can be tested against any casing. */
  retryAfterHeaderName: z.string().regex(/^retry-after$/i, 'retryAfterHeaderName must be Retry-After in some letter case').default('Retry-After'),
  /** Graph's documented throttling code. */
  code: z.string().min(1).default('activityLimitReached'),
  /** Which requests may be faulted: all, only the steps inside a $batch, or only requests sent on their own. */
  scope: z.enum(['all', 'batchSteps', 'requests']).default('all'),
  /** Only requests with these methods are faulted (all when absent). */
  methods: z.array(z.enum(METHODS)).optional(),
  /** Seed of the dice, for runs that repeat exactly. */
  seed: z.number().int().optional(),
}).strict();

export type FaultSettings = z.input<typeof faultSettingsSchema>;
export type ParsedFaultSettings = z.output<typeof faultSettingsSchema>;
export type FaultKind = 'throttle' | 'unavailable' | 'slow' | 'drop';
export const FAULT_KINDS: readonly FaultKind[] = ['drop', 'throttle', 'unavailable', 'slow'];

/** Settings from an env value such as ITSM_STORE_FAULTS='{"throttle":{"probability":0.05}}'. */
export function faultSettingsFromEnv(raw: string | undefined, name = 'ITSM_STORE_FAULTS'): FaultSettings | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error(`${name} must be JSON, e.g. {"throttle":{"probability":0.05}}; found ${raw}`);
  }
  const result = faultSettingsSchema.safeParse(parsed);
  if (!result.success) throw new Error(`${name} is not valid: ${result.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ')}`);
  return parsed as FaultSettings;
}

/** A small seeded generator (mulberry32): the same seed gives the same faults. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
