import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { getMyTickets } from '../../api-client/endpoints';
import { useReference } from '../../api-client/use-reference';
import { useSession } from '../../app/session-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageTitle } from '../../components/PageTitle';
import { nameOf } from '../../components/reference-names';
import { TicketList } from '../../components/TicketList';
import { usePaged } from '../../components/use-paged';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  switch: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

type Status = 'open' | 'closed';

/** Tickets raised by me or for me, open and closed. */
export default function MyTicketsPage() {
  const styles = useStyles();
  const { api } = useSession();
  const reference = useReference(api);
  const [status, setStatus] = useState<Status>('open');
  const fetchPage = useCallback((cursor: string | null) => getMyTickets(api, status, cursor), [api, status]);
  const list = usePaged(fetchPage);
  const groupName = (key: string | null) => (key ? nameOf(reference.data?.supportGroups, key, 'group') : 'Not assigned yet');
  const label = status === 'open' ? 'Open tickets' : 'Closed tickets';
  return (
    <section className={styles.page} aria-labelledby="mine-heading">
      <PageTitle id="mine-heading">My tickets</PageTitle>
      <div role="group" aria-label="Which tickets" className={styles.switch}>
        <Button appearance={status === 'open' ? 'primary' : 'secondary'} aria-pressed={status === 'open'} onClick={() => setStatus('open')}>
          Open
        </Button>
        <Button appearance={status === 'closed' ? 'primary' : 'secondary'} aria-pressed={status === 'closed'} onClick={() => setStatus('closed')}>
          Resolved and closed
        </Button>
      </div>
      {list.error && <ErrorMessage title="Your tickets could not be loaded" message={list.error} />}
      {list.loaded && (
        <Text role="status">
          {list.items.length === 0 ? `You have no ${status === 'open' ? 'open' : 'resolved or closed'} tickets.` : `Showing ${list.items.length}${list.nextCursor ? '; more are available' : ''}.`}
        </Text>
      )}
      {list.items.length > 0 && <TicketList caption={label} items={list.items} groupName={groupName} />}
      {list.nextCursor && (
        <div>
          <Button onClick={list.loadMore} disabled={list.loading}>
            Load more
          </Button>
        </div>
      )}
      {list.loading && <Spinner label="Loading tickets…" />}
    </section>
  );
}
