import { Button, Field, Select, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useCallback, useMemo, useState } from 'react';
import type { SupportGroupDto } from '../../../contracts/api';
import { getAssignedPage, getQueuePage } from '../../api-client/endpoints';
import { useReference } from '../../api-client/use-reference';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageTitle } from '../../components/PageTitle';
import { nameOf } from '../../components/reference-names';
import type { QueueFilter, Sort, SortKey } from './filter-sort';
import { DEFAULT_SORT, NO_FILTER, applyFilter, applySort, assigneesOf } from './filter-sort';
import { QueueFilters } from './QueueFilters';
import { QueueTable } from './QueueTable';
import { useFullQueue } from './use-full-queue';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  picker: { maxWidth: '24rem' },
});

const ROWS_PER_VIEW = 50;
// The people picker (a combobox) loads only once a ticket is selected: the first rows do not wait for it.
const BulkAssign = lazy(() => import('./BulkAssign').then((m) => ({ default: m.BulkAssign })));

/** A group's open tickets, or those assigned to me: the whole queue, sorted and filtered in the tab. */
export default function QueuePage({ mode, group }: { mode: 'group' | 'assigned'; group: string | null }) {
  const styles = useStyles();
  const { api, me } = useSession();
  const reference = useReference(api);
  const groups: readonly SupportGroupDto[] = useMemo(() => {
    const mine = new Set(me.supportGroups.map((g) => g.key));
    return [...me.supportGroups, ...(reference.data?.supportGroups ?? []).filter((g) => !mine.has(g.key))];
  }, [me, reference.data]);
  const groupKey = mode === 'group' ? (group ?? me.supportGroups[0]?.key ?? reference.data?.supportGroups[0]?.key ?? '') : '';
  const [reloadKey, setReloadKey] = useState(0);
  const fetchPage = useCallback(
    (cursor: string | null, size: number) =>
      mode === 'assigned' ? getAssignedPage(api, cursor, size) : getQueuePage(api, groupKey, cursor, size),
    [api, groupKey, mode],
  );
  const queue = useFullQueue(fetchPage, reloadKey);
  const [filter, setFilter] = useState<QueueFilter>(NO_FILTER);
  const [sort, setSort] = useState<Sort>(DEFAULT_SORT);
  const [shown, setShown] = useState(ROWS_PER_VIEW);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);
  // Ages count from when the queue was read.
  const now = useMemo(() => Date.now(), [reloadKey, fetchPage]);

  const rows = useMemo(() => applySort(applyFilter(queue.items, filter, now), sort), [queue.items, filter, sort, now]);
  const visible = rows.slice(0, shown);
  const groupName = mode === 'assigned' ? 'Assigned to me' : (groups.find((g) => g.key === groupKey)?.name ?? groupKey);
  const serviceName = (key: string | null) => (key ? nameOf(reference.data?.services, key, 'service') : 'None');

  function onSort(key: SortKey) {
    setSort((s) => ({ key, direction: s.key === key && s.direction === 'ascending' ? 'descending' : 'ascending' }));
  }
  function onSelect(numbers: readonly string[], on: boolean) {
    setSelected((s) => {
      const next = new Set(s);
      for (const n of numbers) if (on) next.add(n);
      else next.delete(n);
      return next;
    });
  }

  const filtered = rows.length !== queue.items.length;
  const status = !queue.firstPageShown
    ? null
    : queue.items.length === 0 && queue.complete
      ? 'No open tickets in this queue.'
      : `Showing ${visible.length} of ${rows.length}${filtered ? ' matching' : ''} open tickets${queue.complete ? '' : `; loaded ${queue.items.length} so far, still loading the rest`}.`;

  return (
    <section className={styles.page} aria-labelledby="queue-heading">
      <PageTitle id="queue-heading">{mode === 'assigned' ? 'Assigned to me' : `Queue: ${groupName}`}</PageTitle>
      {mode === 'group' && (
        <Field label="Support group" className={styles.picker}>
          <Select value={groupKey} onChange={(_, d) => navigate({ name: 'queue', group: d.value })}>
            {groups.map((g) => (
              <option key={g.key} value={g.key}>
                {g.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <QueueFilters value={filter} onChange={(f) => { setFilter(f); setShown(ROWS_PER_VIEW); }} services={reference.data?.services ?? []} assignees={assigneesOf(queue.items)} />
      {queue.error && <ErrorMessage title="The queue could not be loaded" message={queue.error} />}
      {notice && <Text role="status">{notice}</Text>}
      {status && <Text role="status" aria-live="polite">{status}</Text>}
      {selected.size > 0 && (
        <Suspense fallback={<Spinner size="tiny" label="Loading bulk assign…" />}>
          <BulkAssign
            api={api}
            selected={[...selected]}
            onDone={(message) => {
              setNotice(message);
              setSelected(new Set());
              setReloadKey((k) => k + 1);
            }}
          />
        </Suspense>
      )}
      {visible.length > 0 && (
        <QueueTable caption={mode === 'assigned' ? 'Tickets assigned to me' : `Open tickets for ${groupName}`} rows={visible} sort={sort} onSort={onSort} selected={selected} onSelect={onSelect} serviceName={serviceName} now={now} />
      )}
      {rows.length > shown && (
        <div>
          <Button onClick={() => setShown((n) => n + ROWS_PER_VIEW)}>Show {Math.min(ROWS_PER_VIEW, rows.length - shown)} more</Button>
        </div>
      )}
      {!queue.firstPageShown && !queue.error && <Spinner label="Loading tickets…" />}
    </section>
  );
}
