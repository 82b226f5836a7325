// A per-app resource-unit budget, as SharePoint Online applies to apps (per minute and per day):
// https://learn.microsoft.com/en-us/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online
// Graph requests cost 1 RU (single item, file download), 2 RU (multi-item query, create, update, delete, upload);
// $batch steps are charged one by one. Throttled requests count too. At 80 % of the minute's budget answers carry
// RateLimit-Limit/-Remaining/-Reset; past it, 429 with Retry-After equal to RateLimit-Reset (docs/decisions/0254).
import { z } from 'zod';

export const budgetSettingsSchema = z.object({
  /** Resource units per app per window (SharePoint: 1,200 a minute for a tenant under 1,000 licences). */
  perMinute: z.number().int().min(1).max(1_000_000),
  /** Resource units per app per day (SharePoint: 1,200,000 for the same tenant size). */
  perDay: z.number().int().min(1).max(100_000_000).optional(),
  /** Length of the "minute"; shorter only to keep tests fast. */
  windowSeconds: z.number().int().min(1).max(3600).default(60),
}).strict();

export type BudgetSettings = z.input<typeof budgetSettingsSchema>;

interface Usage {
  windowStart: number;
  used: number;
  dayStart: number;
  usedToday: number;
}

export type Charge =
  | { readonly allowed: true; readonly headers: Readonly<Record<string, string>> }
  | { readonly allowed: false; readonly retryAfterSeconds: number; readonly limit: 'minute' | 'day'; readonly headers: Readonly<Record<string, string>> };

const DAY_MS = 86_400_000;

export class ResourceBudget {
  private settings: z.output<typeof budgetSettingsSchema> | undefined;
  private readonly usage = new Map<string, Usage>();

  constructor(private readonly now: () => number = Date.now) {}

  set(input: BudgetSettings | undefined): void {
    this.settings = input === undefined ? undefined : budgetSettingsSchema.parse(input);
    this.usage.clear();
  }

  get enabled(): boolean {
    return this.settings !== undefined;
  }

  snapshot(): object {
    if (!this.settings) return { enabled: false };
    const apps = Object.fromEntries([...this.usage].map(([app, u]) => [app, { usedThisWindow: u.used, usedToday: u.usedToday }]));
    return { enabled: true, ...this.settings, apps };
  }

  /** Charges a request's cost to the app and says whether it may run. */
  charge(app: string, cost: number): Charge {
    const s = this.settings;
    if (!s || cost === 0) return { allowed: true, headers: {} };
    const now = this.now();
    const windowMs = s.windowSeconds * 1000;
    let u = this.usage.get(app);
    if (!u) {
      u = { windowStart: now, used: 0, dayStart: now, usedToday: 0 };
      this.usage.set(app, u);
    }
    if (now - u.windowStart >= windowMs) {
      u.windowStart = now;
      u.used = 0;
    }
    if (now - u.dayStart >= DAY_MS) {
      u.dayStart = now;
      u.usedToday = 0;
    }
    const resetSeconds = Math.max(1, Math.ceil((u.windowStart + windowMs - now) / 1000));
    if (s.perDay !== undefined && u.usedToday >= s.perDay) {
      u.usedToday += cost;
      // The RateLimit headers describe only the minute's limit, so a daily refusal carries Retry-After alone.
      return { allowed: false, limit: 'day', retryAfterSeconds: Math.ceil((u.dayStart + DAY_MS - now) / 1000), headers: {} };
    }
    const over = u.used + cost > s.perMinute;
    u.used += cost;
    u.usedToday += cost;
    const remaining = Math.max(0, s.perMinute - u.used);
    const rateLimit = { 'RateLimit-Limit': String(s.perMinute), 'RateLimit-Remaining': over ? '0' : String(remaining), 'RateLimit-Reset': String(resetSeconds) };
    if (over) return { allowed: false, limit: 'minute', retryAfterSeconds: resetSeconds, headers: rateLimit };
    return { allowed: true, headers: u.used >= 0.8 * s.perMinute ? rateLimit : {} };
  }
}

/** Settings from ITSM_STORE_RU_PER_MINUTE / ITSM_STORE_RU_PER_DAY; undefined (no budget) when unset. */
export function budgetSettingsFromEnv(env: NodeJS.ProcessEnv): BudgetSettings | undefined {
  const perMinute = env.ITSM_STORE_RU_PER_MINUTE;
  if (perMinute === undefined || perMinute === '') return undefined;
  const perDay = env.ITSM_STORE_RU_PER_DAY;
  const parsed = budgetSettingsSchema.safeParse({ perMinute: Number(perMinute), ...(perDay ? { perDay: Number(perDay) } : {}) });
  if (!parsed.success) throw new Error(`ITSM_STORE_RU_PER_MINUTE / ITSM_STORE_RU_PER_DAY must be whole numbers of at least 1; found ${perMinute} / ${perDay ?? '(unset)'}`);
  return parsed.data;
}

/**
 * What a Graph request costs, from its method and path: GET of a collection 2, GET of one resource or a file's
 * content 1, any write 2, $batch itself 0 (its steps are charged as they run), directory (/users) 0.
 */
export function resourceUnitCost(method: string, path: string): number {
  const bare = path.split('?')[0]!.replace(/\/+$/, '');
  // $batch is charged by its steps; the directory is not SharePoint and has limits of its own.
  if (bare.endsWith('/$batch') || /\/v1\.0\/users(\/|$)/.test(bare)) return 0;
  if (method !== 'GET' && method !== 'HEAD') return 2;
  if (/\/content$/.test(bare)) return 1;
  return /\/(items|lists|columns|children|users|drives)$/.test(bare) ? 2 : 1;
}
