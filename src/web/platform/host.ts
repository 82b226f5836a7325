// Finds out whether the tab runs inside Teams, quickly, and falls back to a plain web app otherwise.
// Inside Teams it follows the host: theme changes, and deep links followed while the tab is already open.
import type { TeamsApi } from './teams-api';
import { loadTeamsApi } from './teams-api';

export type ThemeName = 'default' | 'dark' | 'contrast';

export interface HostInfo {
  readonly inTeams: boolean;
  readonly theme: ThemeName;
  /** The ticket number a deep link asked for, if any. */
  readonly subPageId: string | null;
  readonly locale: string | null;
  readonly user: { readonly name: string | null; readonly upn: string | null } | null;
}

/** What the host tells the tab after start-up. */
export interface HostEvents {
  readonly onTheme: (theme: ThemeName) => void;
  /** A deep link was followed while the tab was open (possibly the same one again). */
  readonly onDeepLink: (subPageId: string) => void;
}

export const HOST_DETECTION_TIMEOUT_MS = 2000;

/** Teams reports more theme names over time; anything unknown falls back to the default theme. */
export function toThemeName(value: string | undefined | null): ThemeName {
  return value === 'dark' || value === 'contrast' ? value : 'default';
}

export const browserHost: HostInfo = { inTeams: false, theme: 'default', subPageId: null, locale: null, user: null };

function timeout(ms: number): Promise<'timeout'> {
  return new Promise((resolve) => setTimeout(() => resolve('timeout'), ms));
}

export interface DetectOptions {
  readonly timeoutMs?: number;
  /** Whether a parent frame exists; only a framed page can be inside Teams. */
  readonly framed?: boolean;
  readonly loadTeams?: () => Promise<TeamsApi>;
}

const isFramed = (): boolean => {
  try {
    return window.parent !== window;
  } catch {
    return true;
  }
};

/** Starts the tab in its host. Never takes longer than the timeout outside Teams, and never throws. */
export async function detectHost(events?: HostEvents, options: DetectOptions = {}): Promise<HostInfo> {
  const timeoutMs = options.timeoutMs ?? HOST_DETECTION_TIMEOUT_MS;
  // A top-level page is never inside Teams; teams-js would only reject after a delay.
  if (!(options.framed ?? isFramed())) return browserHost;
  const deadline = timeout(timeoutMs);
  try {
    const teams = await Promise.race([(options.loadTeams ?? loadTeamsApi)(), deadline]);
    if (teams === 'timeout') return browserHost;
    const ready = await Promise.race([teams.app.initialize().then(() => 'ready' as const), deadline]);
    if (ready !== 'ready') return browserHost;
    const context = await Promise.race([teams.app.getContext(), deadline]);
    if (context === 'timeout') return browserHost;
    // Tell Teams promptly that the tab is up; sign-in and data loading show their own progress.
    void teams.app.notifySuccess().catch(() => undefined);
    if (events) followHost(teams, events);
    return {
      inTeams: true,
      theme: toThemeName(context.app.theme),
      subPageId: context.page.subPageId || null,
      locale: context.app.locale || null,
      user: { name: context.user?.displayName ?? null, upn: context.user?.userPrincipalName ?? null },
    };
  } catch {
    return browserHost;
  }
}

function followHost(teams: TeamsApi, events: HostEvents): void {
  teams.app.registerOnThemeChangeHandler((theme) => events.onTheme(toThemeName(theme)));
  // Teams 2.x keeps a suspended tab and resumes it when a deep link points at it again: read the page context anew.
  try {
    teams.app.lifecycle.registerBeforeSuspendOrTerminateHandler(async () => undefined);
    teams.app.lifecycle.registerOnResumeHandler(() => {
      void teams.app
        .getContext()
        .then((context) => {
          const sub = context.page.subPageId;
          if (sub) events.onDeepLink(sub);
          if (context.app.theme) events.onTheme(toThemeName(context.app.theme));
        })
        .catch(() => undefined)
        .finally(() => void teams.app.notifySuccess().catch(() => undefined));
    });
  } catch {
    // Older hosts have no suspension: they reload the tab with the new context instead.
  }
  try {
    teams.app.registerOnContextChangeHandler((context) => {
      const sub = context.page?.subPageId;
      if (sub) events.onDeepLink(sub);
    });
  } catch {
    // Not every host offers context changes.
  }
}
