import { makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { HistoryEntryDto, TicketDetailDto } from '../../../contracts/api';
import { useReference } from '../../api-client/use-reference';
import { useSession } from '../../app/session-context';
import { formatInstant } from '../../components/format';
import { referenceNames } from '../../components/reference-names';
import { actionLabel, describeChange, knownPeople } from './describe';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}` },
  item: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, overflowWrap: 'anywhere' },
  when: { color: tokens.colorNeutralForeground2 },
});

/** The ticket's history as a timeline: who did what, when, and what changed. */
export function Timeline({ history, ticket, peopleNames }: { history: readonly HistoryEntryDto[]; ticket: TicketDetailDto; peopleNames?: Readonly<Record<string, string>> | undefined }) {
  const styles = useStyles();
  const { api } = useSession();
  const reference = useReference(api).data;
  const names = useMemo(() => referenceNames(reference, knownPeople(history, ticket, peopleNames)), [reference, history, ticket, peopleNames]);
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      <ol className={styles.list} aria-label="Timeline">
        {history.map((h, i) => (
          <li key={i} className={styles.item}>
            <span className={styles.when}>{formatInstant(h.at)}</span> · <strong>{actionLabel(h.action)}</strong> by {h.byName}
            {h.changes.length > 0 && <>: {h.changes.map((c) => describeChange(c, names)).join('; ')}</>}
            {h.note && <> — “{h.note}”</>}
            {h.linkedNumber && <> (see {h.linkedNumber})</>}
          </li>
        ))}
      </ol>
    </section>
  );
}
