import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { TicketDetailDto } from '../../../contracts/api';
import { useReference } from '../../api-client/use-reference';
import { useSession } from '../../app/session-context';
import { formatInstant, priorityLabel, stateLabel } from '../../components/format';
import { nameOf } from '../../components/reference-names';
import { holdReasonLabel } from './actions';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 14rem), 1fr))',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    margin: 0,
  },
  item: { minWidth: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, overflowWrap: 'anywhere' },
});

/** The ticket's facts as a description list. */
export function TicketFacts({ ticket: t }: { ticket: TicketDetailDto }) {
  const styles = useStyles();
  const { api } = useSession();
  const ref = useReference(api).data;
  const group = t.assignedGroupId ? nameOf(ref?.supportGroups, t.assignedGroupId, 'group') : 'Not assigned yet';
  const service = t.serviceId ? nameOf(ref?.services, t.serviceId, 'service') : 'Not given';
  const facts: [string, React.ReactNode][] = [
    ['State', `${stateLabel(t.state)}${t.state === 'OnHold' && t.holdReason ? `: ${holdReasonLabel(t.holdReason)}` : ''}`],
    [
      'Priority',
      <>
        {priorityLabel(t.priority)}{' '}
        {t.isMajorIncident && (
          <Badge appearance="filled" color="danger">
            Major incident
          </Badge>
        )}
      </>,
    ],
    ['Service', service],
    ['Group', group],
    ['Assigned to', t.assigneeName ?? 'Nobody yet'],
    ['Raised for', t.requesterName],
    ['Raised', formatInstant(t.openedAt)],
    ['Last update', formatInstant(t.updatedAt)],
  ];
  if (t.resolutionCode) facts.push(['Resolution', `${t.resolutionCode}${t.resolutionNote ? `: ${t.resolutionNote}` : ''}`]);
  if (t.duplicateOf) facts.push(['Duplicate of', t.duplicateOf]);
  if (t.satisfaction) facts.push(['Satisfaction rating', t.satisfaction.rating ? `${t.satisfaction.rating} out of 5` : 'Confirmed without a rating']);
  return (
    <dl className={styles.list} aria-label="Ticket details">
      {facts.map(([term, value]) => (
        <div key={term} className={styles.item}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
