// The part of teams-js the tab uses, so tests can hand in a fake and the library loads only when framed.

export interface TeamsContextLike {
  readonly app: { readonly theme?: string; readonly locale?: string };
  readonly page: { readonly subPageId?: string };
  readonly user?: { readonly displayName?: string; readonly userPrincipalName?: string };
}

export interface TeamsApi {
  readonly app: {
    initialize(): Promise<void>;
    getContext(): Promise<TeamsContextLike>;
    notifySuccess(): Promise<unknown>;
    registerOnThemeChangeHandler(handler: (theme: string) => void): void;
    registerOnContextChangeHandler(handler: (context: Partial<TeamsContextLike>) => void): void;
    readonly lifecycle: {
      registerBeforeSuspendOrTerminateHandler(handler: () => Promise<void>): void;
      registerOnResumeHandler(handler: (context: { entityId: string; contentUrl: URL }) => void): void;
    };
  };
}

/** Loads teams-js on demand (it is not needed outside Teams, and it reaches for a CDN when imported). */
export async function loadTeamsApi(): Promise<TeamsApi> {
  const { app } = await import('@microsoft/teams-js');
  return { app } as TeamsApi;
}
