import { Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles } from '@fluentui/react-components';
import type { TicketSummaryDto } from '../../contracts/api';
import { hrefFor } from '../app/router';
import { SlaCell } from '../features/sla/SlaCell';
import { formatInstant, priorityLabel, stateLabel } from './format';

const useStyles = makeStyles({
  region: { overflowX: 'auto', maxWidth: '100%' },
  table: { minWidth: '40rem' },
  // The table's columns are fixed widths: a word longer than its cell (a pasted path, a held key) breaks inside it.
  title: { overflowWrap: 'anywhere' },
});

/** A plain list of tickets (my tickets, search results) with the time to the current target. The region scrolls sideways on narrow screens, never the page. */
export function TicketList({ caption, items, groupName }: { caption: string; items: readonly TicketSummaryDto[]; groupName: (key: string | null) => string }) {
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
            <TableHeaderCell>Group</TableHeaderCell>
            <TableHeaderCell>Time to target</TableHeaderCell>
            <TableHeaderCell>Last update</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((t) => (
            <TableRow key={t.number}>
              <TableCell>
                <Link href={hrefFor({ name: 'ticket', number: t.number })}>{t.number}</Link>
              </TableCell>
              <TableCell className={styles.title}>{t.title}</TableCell>
              <TableCell>{stateLabel(t.state)}</TableCell>
              <TableCell>{priorityLabel(t.priority)}</TableCell>
              <TableCell>{groupName(t.assignedGroupId)}</TableCell>
              <TableCell>
                <SlaCell sla={t.sla} />
              </TableCell>
              <TableCell>{formatInstant(t.updatedAt)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
