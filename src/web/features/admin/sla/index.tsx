// Issue 6's admin sections, shown by AdminPage: calendars and closure days, SLA policies, OLA agreements.
import type { SlaAdminSection } from '../../../app/router';
import { SLA_ADMIN_SECTIONS } from '../../../app/router';
import { CalendarsAdmin } from './CalendarsAdmin';
import { OlaAdmin } from './OlaAdmin';
import { PoliciesAdmin } from './PoliciesAdmin';

export const SLA_SECTION_TITLES: Record<SlaAdminSection, string> = { calendars: 'Calendars', 'sla-policies': 'SLA policies', ola: 'OLA agreements' };

export const isSlaSection = (section: string): section is SlaAdminSection => (SLA_ADMIN_SECTIONS as readonly string[]).includes(section);

export function SlaAdminSectionView({ section }: { section: SlaAdminSection }) {
  switch (section) {
    case 'calendars':
      return <CalendarsAdmin />;
    case 'sla-policies':
      return <PoliciesAdmin />;
    case 'ola':
      return <OlaAdmin />;
  }
}
