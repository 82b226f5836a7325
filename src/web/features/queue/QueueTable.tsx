import {
  Badge,
  Checkbox,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
} from '@fluentui/react-components';
import type { TicketSummaryDto } from '../../../contracts/api';
import { hrefFor } from '../../app/router';
import { formatAge, priorityLabel, stateLabel } from '../../components/format';
import type { Sort, SortKey } from './filter-sort';
import { SlaCell } from '../sla/SlaCell';

const useStyles = makeStyles({
  region: { overflowX: 'auto', maxWidth: '100%' },
  table: { minWidth: '64rem' },
  select: { width: '3rem' },
  // The table's columns are fixed widths: a word longer than its cell (a pasted path, a held key) breaks inside it.
  title: { overflowWrap: 'anywhere' },
});

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'number', label: 'Number' },
  { key: 'title', label: 'Title' },
  { key: 'state', label: 'State' },
  { key: 'priority', label: 'Priority' },
  { key: 'service', label: 'Service' },
  { key: 'assignee', label: 'Assignee' },
  { key: 'age', label: 'Age' },
  { key: 'due', label: 'Time left' },
];

interface Props {
  readonly caption: string;
  readonly rows: readonly TicketSummaryDto[];
  readonly sort: Sort;
  readonly onSort: (key: SortKey) => void;
  readonly selected: ReadonlySet<string>;
  readonly onSelect: (numbers: readonly string[], on: boolean) => void;
  readonly serviceName: (key: string | null) => string;
  readonly now: number;
}

/** Queue rows with sortable headers and row selection. User text is rendered as text. */
export function QueueTable({ caption, rows, sort, onSort, selected, onSelect, serviceName, now }: Props) {
  const styles = useStyles();
  const allOn = rows.length > 0 && rows.every((r) => selected.has(r.number));
  const someOn = rows.some((r) => selected.has(r.number));
  return (
    <div className={styles.region} role="region" aria-label={caption} tabIndex={0}>
      <Table className={styles.table} aria-label={caption} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.select}>
              <Checkbox
                aria-label="Select all shown tickets"
                checked={allOn ? true : someOn ? 'mixed' : false}
                onChange={(_, d) => onSelect(rows.map((r) => r.number), d.checked === true)}
              />
            </TableHeaderCell>
            {COLUMNS.map((c) => (
              <TableHeaderCell
                key={c.key}
                sortable
                sortDirection={sort.key === c.key ? sort.direction : undefined}
                onClick={() => onSort(c.key)}
              >
                {c.label}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((t) => (
            <TableRow key={t.number}>
              <TableCell>
                <Checkbox aria-label={`Select ${t.number}`} checked={selected.has(t.number)} onChange={(_, d) => onSelect([t.number], d.checked === true)} />
              </TableCell>
              <TableCell>
                <Link href={hrefFor({ name: 'ticket', number: t.number })}>{t.number}</Link>
              </TableCell>
              <TableCell className={styles.title}>{t.title}</TableCell>
              <TableCell>{stateLabel(t.state)}</TableCell>
              <TableCell>
                {priorityLabel(t.priority)}{' '}
                {t.isMajorIncident && (
                  <Badge appearance="filled" color="danger">
                    Major
                  </Badge>
                )}
              </TableCell>
              <TableCell>{serviceName(t.serviceId)}</TableCell>
              <TableCell>{t.assigneeName ?? 'Unassigned'}</TableCell>
              <TableCell>{formatAge(t.openedAt, now)}</TableCell>
              <TableCell>
                <SlaCell sla={t.sla} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
