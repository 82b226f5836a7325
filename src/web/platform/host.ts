// Finds out whether the tab runs inside Teams, quickly, and falls back to a plain web app otherwise.

export type ThemeName = 'default' | 'dark' | 'contrast';

export interface HostInfo {
  readonly inTeams: boolean;
  readonly theme: ThemeName;
  readonly subPageId: string | null;
  readonly locale: string | null;
}

export const HOST_DETECTION_TIMEOUT_MS = 2500;

/** Teams reports more theme names over time; anything unknown falls back to the default theme. */
export function toThemeName(value: string | undefined): ThemeName {
  return value === 'dark' || value === 'contrast' ? value : 'default';
}

const browserHost: HostInfo = { inTeams: false, theme: 'default', subPageId: null, locale: null };

function timeout(ms: number): Promise<'timeout'> {
  return new Promise((resolve) => setTimeout(() => resolve('timeout'), ms));
}

export async function detectHost(timeoutMs = HOST_DETECTION_TIMEOUT_MS): Promise<HostInfo> {
  // A top-level page is never inside Teams; teams-js would only reject after a delay.
  if (window.parent === window) return browserHost;
  try {
    const { app } = await import('@microsoft/teams-js');
    const outcome = await Promise.race([app.initialize().then(() => 'ready' as const), timeout(timeoutMs)]);
    if (outcome !== 'ready') return browserHost;
    const context = await app.getContext();
    app.notifySuccess();
    return {
      inTeams: true,
      theme: toThemeName(context.app.theme),
      subPageId: context.page.subPageId || null,
      locale: context.app.locale || null,
    };
  } catch {
    return browserHost;
  }
}
