import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense } from 'react';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { LoadingPage } from '../components/LoadingPage';
import { FindByNumber } from './FindByNumber';
import { MainNav } from './MainNav';
import { hrefFor, useRoute } from './router';
import { RouteView } from './RouteView';
import { useSession } from './session-context';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  brand: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400, marginRight: 'auto' },
  user: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  main: { padding: tokens.spacingHorizontalL, maxWidth: '80rem', boxSizing: 'border-box', minWidth: 0 },
  skip: {
    position: 'absolute',
    left: '-10000px',
    ':focus': { left: tokens.spacingHorizontalS, top: tokens.spacingVerticalS, zIndex: 10, backgroundColor: tokens.colorNeutralBackground1, padding: tokens.spacingHorizontalS },
  },
});

/** The signed-in frame: navigation, find by number, and the current page. */
export function Shell({ onSignOut, inTeams, deepLinkSeq }: { onSignOut: () => void; inTeams: boolean; deepLinkSeq: number }) {
  const styles = useStyles();
  const { me } = useSession();
  const route = useRoute();
  const routeKey = hrefFor(route);
  return (
    <>
      <a className={styles.skip} href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to content
      </a>
      <header className={styles.bar} data-shell-bar>
        <Text className={styles.brand}>Service Desk</Text>
        <div className={styles.user}>
          <Text>
            {me.name}
            {me.roles.length > 0 ? ` (${me.roles.join(', ')})` : ''}
          </Text>
          {!inTeams && <Button size="small" onClick={onSignOut}>Sign out</Button>}
        </div>
      </header>
      <MainNav route={route} />
      <FindByNumber />
      <main id="main" tabIndex={-1} className={styles.main}>
        <ErrorBoundary resetKey={routeKey}>
          <Suspense fallback={<LoadingPage />}>
            <RouteView route={route} deepLinkSeq={deepLinkSeq} />
          </Suspense>
        </ErrorBoundary>
      </main>
    </>
  );
}
