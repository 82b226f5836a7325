import { Button, Field, Select, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { MeResponse, SupportGroupDto, TicketSummaryDto } from '../../../contracts/api';
import type { ApiClient } from '../../api-client/client';
import { getQueuePage, getReference } from '../../api-client/endpoints';
import { ErrorMessage } from '../../components/ErrorMessage';
import { QueueTable } from './QueueTable';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  picker: { maxWidth: '24rem' },
});

interface QueueState {
  readonly items: readonly TicketSummaryDto[];
  readonly nextCursor: string | null;
}

/** A support group's open tickets, paged through the API; "Load more" shows there is more, never a silent cut. */
export function QueuePage({ api, me }: { api: ApiClient; me: MeResponse }) {
  const styles = useStyles();
  const [groups, setGroups] = useState<readonly SupportGroupDto[]>(me.supportGroups);
  const [groupKey, setGroupKey] = useState(me.supportGroups[0]?.key ?? '');
  const [queue, setQueue] = useState<QueueState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    getReference(api)
      .then((ref) => {
        const mine = new Set(me.supportGroups.map((g) => g.key));
        setGroups([...me.supportGroups, ...ref.supportGroups.filter((g) => !mine.has(g.key))]);
        setGroupKey((current) => current || ref.supportGroups[0]?.key || '');
      })
      .catch((e: Error) => setError(e.message));
  }, [api, me]);

  const load = useCallback(
    async (cursor: string | null) => {
      if (!groupKey) return;
      setLoading(true);
      setError(null);
      try {
        const page = await getQueuePage(api, groupKey, cursor);
        setQueue((previous) => ({ items: cursor && previous ? [...previous.items, ...page.items] : page.items, nextCursor: page.nextCursor }));
      } catch (e) {
        setError((e as Error).message);
      } finally {
        setLoading(false);
      }
    },
    [api, groupKey],
  );

  useEffect(() => {
    setQueue(null);
    void load(null);
  }, [load]);

  const groupName = groups.find((g) => g.key === groupKey)?.name ?? groupKey;
  return (
    <section className={styles.page} aria-labelledby="queue-heading">
      <h1 id="queue-heading">Queue: {groupName}</h1>
      <Field label="Support group" className={styles.picker}>
        <Select value={groupKey} onChange={(_, data) => setGroupKey(data.value)}>
          {groups.map((g) => (
            <option key={g.key} value={g.key}>
              {g.name}
            </option>
          ))}
        </Select>
      </Field>
      {error && <ErrorMessage title="The queue could not be loaded" message={error} />}
      {queue && (
        <>
          <Text role="status">
            {queue.items.length === 0
              ? 'No open tickets in this queue.'
              : `Showing ${queue.items.length} open ticket${queue.items.length === 1 ? '' : 's'}${queue.nextCursor ? '; more are available' : ''}.`}
          </Text>
          {queue.items.length > 0 && <QueueTable caption={`Open tickets for ${groupName}`} items={queue.items} />}
          {queue.nextCursor && (
            <Button onClick={() => void load(queue.nextCursor)} disabled={loading}>
              Load more
            </Button>
          )}
        </>
      )}
      {loading && <Spinner label="Loading tickets…" />}
    </section>
  );
}
