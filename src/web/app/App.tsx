import { FluentProvider, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { MeResponse } from '../../contracts/api';
import { ApiCallError, createApiClient } from '../api-client/client';
import { getMe } from '../api-client/endpoints';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { ErrorMessage } from '../components/ErrorMessage';
import { DevSignIn } from '../features/sign-in/DevSignIn';
import { session } from '../platform/session';
import { SessionContext, sessionValue } from './session-context';
import { Shell } from './Shell';
import { themes } from './themes';
import { useHost } from './use-host';

// The page's height and background sit on a wrapper, not on the provider: Fluent copies the provider's classes onto
// every portal mount node (tooltips, chart callouts), which would then each fill the screen above the app.
const useStyles = makeStyles({
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
  centre: { padding: tokens.spacingHorizontalL },
});

const HOST_GRACE_MS = 800;

type View = { kind: 'starting' } | { kind: 'signIn'; notice?: string } | { kind: 'ready'; me: MeResponse } | { kind: 'error'; message: string };

export function App() {
  const styles = useStyles();
  const { host, theme, deepLinkSeq } = useHost();
  const [token, setToken] = useState<string | null>(session.token());
  const [view, setView] = useState<View>({ kind: 'starting' });
  const api = useMemo(() => createApiClient(() => token), [token]);

  // Teams answers in well under a second; a page that frames the tab without being Teams never does. Sign-in and
  // data do not wait for that answer: the theme and a deep link follow when (if) it comes.
  const [hostWaitOver, setHostWaitOver] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setHostWaitOver(true), HOST_GRACE_MS);
    return () => clearTimeout(timer);
  }, []);
  const hostSettled = host !== null || hostWaitOver;

  useEffect(() => {
    if (!token) {
      setView((v) => (v.kind === 'signIn' ? v : { kind: 'signIn' }));
      return;
    }
    let live = true;
    getMe(api)
      .then((me) => live && setView({ kind: 'ready', me }))
      .catch((e: unknown) => {
        if (!live) return;
        if (e instanceof ApiCallError && e.status === 401) {
          session.clear();
          setToken(null);
          setView({ kind: 'signIn', notice: e.message });
        } else setView({ kind: 'error', message: (e as Error).message });
      });
    return () => {
      live = false;
    };
  }, [api, token]);

  const value = useMemo(() => (view.kind === 'ready' ? sessionValue(api, view.me) : null), [api, view]);
  const shown: View = hostSettled ? view : { kind: 'starting' };

  function signedIn(newToken: string) {
    session.save(newToken);
    setToken(newToken);
  }

  function signOut() {
    session.clear();
    setToken(null);
    setView({ kind: 'signIn' });
  }

  return (
    <FluentProvider theme={themes[theme]} data-theme={theme}>
      <div className={styles.root}>
        <ErrorBoundary>
          {shown.kind === 'starting' && (
            <main className={styles.centre}>
              <Spinner label="Starting Service Desk…" />
            </main>
          )}
          {shown.kind === 'signIn' && (
            <main className={styles.centre}>
              <DevSignIn api={api} onSignedIn={signedIn} {...(shown.kind === 'signIn' && shown.notice ? { notice: shown.notice } : {})} />
            </main>
          )}
          {shown.kind === 'error' && (
            <main className={styles.centre}>
              <ErrorMessage title="Service Desk could not start" message={shown.kind === 'error' ? shown.message : ''} />
            </main>
          )}
          {value && hostSettled && (
            <SessionContext.Provider value={value}>
              <Shell onSignOut={signOut} inTeams={host?.inTeams ?? false} deepLinkSeq={deepLinkSeq} />
            </SessionContext.Provider>
          )}
        </ErrorBoundary>
      </div>
    </FluentProvider>
  );
}
