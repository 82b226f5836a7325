import { Button, FluentProvider, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { MeResponse } from '../../contracts/api';
import { ApiCallError, createApiClient } from '../api-client/client';
import { getMe } from '../api-client/endpoints';
import { ErrorMessage } from '../components/ErrorMessage';
import { QueuePage } from '../features/queue/QueuePage';
import { DevSignIn } from '../features/sign-in/DevSignIn';
import type { HostInfo } from '../platform/host';
import { detectHost } from '../platform/host';
import { session } from '../platform/session';
import { themes } from './themes';

const useStyles = makeStyles({
  shell: { minHeight: '100vh', padding: tokens.spacingHorizontalL, boxSizing: 'border-box' },
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center', justifyContent: 'space-between' },
});

type View = { kind: 'starting' } | { kind: 'signIn'; notice?: string } | { kind: 'ready'; me: MeResponse } | { kind: 'error'; message: string };

export function App() {
  const styles = useStyles();
  const [host, setHost] = useState<HostInfo | null>(null);
  const [token, setToken] = useState<string | null>(session.token());
  const [view, setView] = useState<View>({ kind: 'starting' });
  const api = useMemo(() => createApiClient(() => token), [token]);

  useEffect(() => {
    void detectHost().then(setHost);
  }, []);

  useEffect(() => {
    if (!host) return;
    if (!token) {
      setView((v) => (v.kind === 'signIn' ? v : { kind: 'signIn' }));
      return;
    }
    getMe(api)
      .then((me) => setView({ kind: 'ready', me }))
      .catch((e: unknown) => {
        if (e instanceof ApiCallError && e.status === 401) {
          session.clear();
          setToken(null);
          setView({ kind: 'signIn', notice: e.message });
        } else setView({ kind: 'error', message: (e as Error).message });
      });
  }, [api, host, token]);

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
    <FluentProvider theme={themes[host?.theme ?? 'default']}>
      <main className={styles.shell}>
        {view.kind === 'starting' && <Spinner label="Starting Service Desk…" />}
        {view.kind === 'signIn' && <DevSignIn api={api} onSignedIn={signedIn} {...(view.notice ? { notice: view.notice } : {})} />}
        {view.kind === 'error' && <ErrorMessage title="Service Desk could not start" message={view.message} />}
        {view.kind === 'ready' && (
          <>
            <div className={styles.bar}>
              <Text>
                Signed in as {view.me.name} ({view.me.roles.length > 0 ? view.me.roles.join(', ') : 'Requester'})
              </Text>
              <Button onClick={signOut}>Sign out</Button>
            </div>
            {view.me.roles.includes('Analyst') || view.me.roles.includes('Admin') ? (
              <QueuePage api={api} me={view.me} />
            ) : (
              <Text as="p">Support group queues are for analysts. You are signed in as a member of staff.</Text>
            )}
          </>
        )}
      </main>
    </FluentProvider>
  );
}
