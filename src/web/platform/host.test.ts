import { describe, expect, it, vi } from 'vitest';
import { browserHost, detectHost, toThemeName } from './host';
import type { TeamsApi, TeamsContextLike } from './teams-api';

// teams-js reaches for a CDN when imported: unit tests never load it.
vi.mock('@microsoft/teams-js', () => {
  throw new Error('teams-js must not be imported in unit tests');
});

function fakeTeams(overrides: { initialize?: () => Promise<void>; contexts?: TeamsContextLike[] } = {}) {
  const contexts = overrides.contexts ?? [{ app: { theme: 'dark', locale: 'en-GB' }, page: { subPageId: 'INC-7' }, user: { displayName: 'Ada', userPrincipalName: 'ada@contoso.test' } }];
  let calls = 0;
  const handlers: { theme?: (t: string) => void; resume?: (c: { entityId: string; contentUrl: URL }) => void; context?: (c: Partial<TeamsContextLike>) => void } = {};
  const notifySuccess = vi.fn(async () => undefined);
  const api: TeamsApi = {
    app: {
      initialize: overrides.initialize ?? (async () => undefined),
      getContext: async () => contexts[Math.min(calls++, contexts.length - 1)]!,
      notifySuccess,
      registerOnThemeChangeHandler: (h) => (handlers.theme = h),
      registerOnContextChangeHandler: (h) => (handlers.context = h),
      lifecycle: {
        registerBeforeSuspendOrTerminateHandler: () => undefined,
        registerOnResumeHandler: (h) => (handlers.resume = h),
      },
    },
  };
  return { api, handlers, notifySuccess };
}

const events = () => ({ onTheme: vi.fn(), onDeepLink: vi.fn() });

describe('detectHost', () => {
  it('returns the plain web app at once on a top-level page, without loading teams-js', async () => {
    const load = vi.fn();
    expect(await detectHost(events(), { framed: false, loadTeams: load })).toEqual(browserHost);
    expect(load).not.toHaveBeenCalled();
  });

  it('gives up within the timeout when the framing page never answers', async () => {
    const teams = fakeTeams({ initialize: () => new Promise(() => undefined) });
    const started = Date.now();
    expect(await detectHost(events(), { framed: true, timeoutMs: 50, loadTeams: async () => teams.api })).toEqual(browserHost);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('falls back when initialize rejects', async () => {
    const teams = fakeTeams({ initialize: async () => Promise.reject(new Error('no parent')) });
    expect(await detectHost(events(), { framed: true, loadTeams: async () => teams.api })).toEqual(browserHost);
  });

  it('reads theme, locale, user and deep link from the context and reports success', async () => {
    const teams = fakeTeams();
    const host = await detectHost(events(), { framed: true, loadTeams: async () => teams.api });
    expect(host).toEqual({ inTeams: true, theme: 'dark', subPageId: 'INC-7', locale: 'en-GB', user: { name: 'Ada', upn: 'ada@contoso.test' } });
    expect(teams.notifySuccess).toHaveBeenCalledTimes(1);
  });

  it('follows theme changes, resumes with a new deep link, and context changes', async () => {
    const teams = fakeTeams({ contexts: [{ app: {}, page: {} }, { app: { theme: 'contrast' }, page: { subPageId: 'INC-9' } }] });
    const e = events();
    await detectHost(e, { framed: true, loadTeams: async () => teams.api });
    teams.handlers.theme?.('contrast');
    teams.handlers.theme?.('something-new');
    expect(e.onTheme.mock.calls).toEqual([['contrast'], ['default']]);
    teams.handlers.resume?.({ entityId: 'servicedesk', contentUrl: new URL('https://tab.test/') });
    await vi.waitFor(() => expect(e.onDeepLink).toHaveBeenCalledWith('INC-9'));
    await vi.waitFor(() => expect(teams.notifySuccess).toHaveBeenCalledTimes(2));
    teams.handlers.context?.({ page: { subPageId: 'INC-10' } });
    expect(e.onDeepLink).toHaveBeenLastCalledWith('INC-10');
  });
});

describe('toThemeName', () => {
  it('keeps the three known themes and maps anything else to default', () => {
    expect(['default', 'dark', 'contrast', 'glass', undefined, null].map(toThemeName)).toEqual(['default', 'dark', 'contrast', 'default', 'default', 'default']);
  });
});
