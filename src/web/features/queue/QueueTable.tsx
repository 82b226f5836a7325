import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles } from '@fluentui/react-components';
import type { TicketSummaryDto } from '../../../contracts/api';
import { formatInstant, stateLabel } from '../../components/format';

const useStyles = makeStyles({
  region: { overflowX: 'auto', maxWidth: '100%' },
  table: { minWidth: '48rem' },
});

/** The rows of a queue. User text goes through React as text, so markup in a title stays inert. */
export function QueueTable({ caption, items }: { caption: string; items: readonly TicketSummaryDto[] }) {
  const styles = useStyles();
  return (
    <div className={styles.region} role="region" aria-label={caption} tabIndex={0}>
      <Table className={styles.table} aria-label={caption} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Number</TableHeaderCell>
            <TableHeaderCell>Title</TableHeaderCell>
            <TableHeaderCell>State</TableHeaderCell>
            <TableHeaderCell>Priority</TableHeaderCell>
            <TableHeaderCell>Requester</TableHeaderCell>
            <TableHeaderCell>Assignee</TableHeaderCell>
            <TableHeaderCell>Opened</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((t) => (
            <TableRow key={t.number}>
              <TableCell>{t.number}</TableCell>
              <TableCell>{t.title}</TableCell>
              <TableCell>{stateLabel(t.state)}</TableCell>
              <TableCell>
                P{t.priority}
                {t.isMajorIncident && (
                  <Badge appearance="filled" color="danger" style={{ marginLeft: 4 }}>
                    Major
                  </Badge>
                )}
              </TableCell>
              <TableCell>{t.requesterName}</TableCell>
              <TableCell>{t.assigneeName ?? 'Unassigned'}</TableCell>
              <TableCell>{formatInstant(t.openedAt)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
