import { Link, makeStyles, tokens } from '@fluentui/react-components';
import type { AdminSection } from '../../app/router';
import { ADMIN_SECTIONS, hrefFor } from '../../app/router';
import { useSession } from '../../app/session-context';
import { PageTitle } from '../../components/PageTitle';
import { KpiTargetsAdmin } from './kpi/KpiTargetsAdmin';
import { PriorityMatrixEditor } from './PriorityMatrixEditor';
import { RecordsSection } from './RecordsSection';
import { SECTIONS } from './sections';
import { SLA_SECTION_TITLES, SlaAdminSectionView, isSlaSection } from './sla';

const useStyles = makeStyles({
  tabs: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, listStyle: 'none', padding: 0, margin: `0 0 ${tokens.spacingVerticalL}` },
  current: { fontWeight: tokens.fontWeightSemibold, textDecorationLine: 'underline' },
});

const TITLES: Record<AdminSection, string> = { groups: 'Support groups', services: 'Services', categories: 'Categories', priority: 'Priority matrix', ...SLA_SECTION_TITLES, 'kpi-targets': 'KPI targets' };

/** Configuration for administrators: groups, services, categories, the priority matrix, SLA settings, KPI targets. */
export default function AdminPage({ section }: { section: AdminSection }) {
  const styles = useStyles();
  // Service owners reach this page only for OLA agreements (issue 6).
  const { isAdmin } = useSession();
  const sections = isAdmin ? ADMIN_SECTIONS : (['ola'] as const);
  return (
    <section aria-labelledby="admin-heading">
      <PageTitle id="admin-heading">Admin: {TITLES[section]}</PageTitle>
      <nav aria-label="Admin sections">
        <ul className={styles.tabs}>
          {sections.map((s) => (
            <li key={s}>
              <Link href={hrefFor({ name: 'admin', section: s })} aria-current={s === section ? 'page' : undefined} className={s === section ? styles.current : undefined}>
                {TITLES[s]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {section === 'priority' ? <PriorityMatrixEditor /> : section === 'kpi-targets' ? <KpiTargetsAdmin /> : isSlaSection(section) ? <SlaAdminSectionView section={section} /> : <RecordsSection key={section} spec={SECTIONS[section]} />}
    </section>
  );
}
