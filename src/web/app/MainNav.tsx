import { Link, makeStyles, tokens } from '@fluentui/react-components';
import type { Route } from './router';
import { hrefFor } from './router';
import { useSession } from './session-context';

const useStyles = makeStyles({
  nav: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  list: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`, listStyle: 'none', margin: 0, padding: 0 },
  current: { fontWeight: tokens.fontWeightSemibold, textDecorationLine: 'underline' },
});

interface Item {
  readonly label: string;
  readonly route: Route;
  readonly matches: (r: Route) => boolean;
}

function itemsFor(isAnalyst: boolean, isAdmin: boolean, isOwner = false): Item[] {
  const items: Item[] = [
    { label: 'Raise', route: { name: 'raise' }, matches: (r) => r.name === 'raise' || (r.name === 'home' && !isAnalyst) },
    { label: 'My tickets', route: { name: 'mine' }, matches: (r) => r.name === 'mine' },
  ];
  if (isAnalyst) {
    items.push(
      { label: 'Queues', route: { name: 'queue', group: null }, matches: (r) => r.name === 'queue' || r.name === 'home' },
      { label: 'Assigned to me', route: { name: 'assigned' }, matches: (r) => r.name === 'assigned' },
      { label: 'Log a call', route: { name: 'logCall' }, matches: (r) => r.name === 'logCall' },
      { label: 'Search', route: { name: 'search', requester: '' }, matches: (r) => r.name === 'search' },
    );
  }
  if (isAdmin || isOwner) items.push({ label: 'Dashboard', route: { name: 'dashboard' }, matches: (r) => r.name === 'dashboard' });
  if (isAdmin) items.push({ label: 'Admin', route: { name: 'admin', section: 'groups' }, matches: (r) => r.name === 'admin' });
  // Service owners draft OLA agreements (issue 6).
  else if (isOwner) items.push({ label: 'OLA agreements', route: { name: 'admin', section: 'ola' }, matches: (r) => r.name === 'admin' });
  return items;
}

/** Main navigation: only the places this person's roles open. */
export function MainNav({ route }: { route: Route }) {
  const styles = useStyles();
  const { isAnalyst, isAdmin, me } = useSession();
  return (
    <nav aria-label="Main" className={styles.nav} data-shell-bar>
      <ul className={styles.list}>
        {itemsFor(isAnalyst, isAdmin, me.roles.includes('ServiceOwner')).map((item) => {
          const current = item.matches(route);
          return (
            <li key={item.label}>
              <Link href={hrefFor(item.route)} aria-current={current ? 'page' : undefined} className={current ? styles.current : undefined}>
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
