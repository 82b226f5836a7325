import { Button, Field, Select, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { DevUserDto } from '../../../contracts/api';
import type { ApiClient } from '../../api-client/client';
import { getDevUsers, postDevToken } from '../../api-client/endpoints';
import { ErrorMessage } from '../../components/ErrorMessage';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '32rem', minWidth: 0 },
  select: { width: '100%', minWidth: 0 },
});

function describe(user: DevUserDto): string {
  const roles = user.roles.length > 0 ? user.roles.join(', ') : 'Requester';
  // People can share a name: the UPN tells them apart.
  return `${user.name} (${roles}), ${user.upn}`;
}

/** The local issuer's sign-in: pick a seeded person and get a token shaped like Entra's. Embedded mode only. */
export function DevSignIn({ api, onSignedIn, notice }: { api: ApiClient; onSignedIn: (token: string) => void; notice?: string }) {
  const styles = useStyles();
  const [users, setUsers] = useState<DevUserDto[] | null>(null);
  const [upn, setUpn] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    getDevUsers(api)
      .then((list) => {
        setUsers(list);
        setUpn(list.find((u) => u.roles.includes('Analyst'))?.upn ?? list[0]?.upn ?? '');
      })
      .catch((e: Error) => setError(e.message));
  }, [api]);

  async function signIn(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn((await postDevToken(api, upn)).access_token);
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  }

  return (
    <form className={styles.form} onSubmit={signIn} aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading">Sign in to the local service desk</h1>
      <Text>This copy runs on its embedded store. Choose a seeded person to act as; their roles come from the local issuer.</Text>
      {notice && <ErrorMessage title="Signed out" message={notice} />}
      {error && <ErrorMessage title="Sign-in failed" message={error} />}
      {users === null && !error && <Spinner label="Loading people…" />}
      {users && (
        <Field label="Person">
          <Select className={styles.select} select={{ className: styles.select }} value={upn} onChange={(_, data) => setUpn(data.value)}>
            {users.map((u) => (
              <option key={u.upn} value={u.upn}>
                {describe(u)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Button appearance="primary" type="submit" disabled={!upn || busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
