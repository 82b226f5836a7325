import { Button, Field, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { PageResponse, PersonDto, TicketSummaryDto } from '../../../contracts/api';
import { findByRequester } from '../../api-client/endpoints';
import { useReference } from '../../api-client/use-reference';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageTitle } from '../../components/PageTitle';
import { PersonPicker } from '../../components/PersonPicker';
import { nameOf } from '../../components/reference-names';
import { TicketList } from '../../components/TicketList';
import { usePaged } from '../../components/use-paged';

const useStyles = makeStyles({ page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });
const none = async (): Promise<PageResponse<TicketSummaryDto>> => ({ items: [], nextCursor: null });

/** Every ticket of one requester, open or closed. */
export default function RequesterSearchPage({ requester }: { requester: string }) {
  const styles = useStyles();
  const { api } = useSession();
  const reference = useReference(api);
  const [person, setPerson] = useState<PersonDto | null>(null);
  // The button stays usable and says what is missing, rather than sitting greyed out without a reason.
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const fetchPage = useCallback((cursor: string | null) => (requester ? findByRequester(api, requester, cursor) : none()), [api, requester]);
  const list = usePaged(fetchPage);
  const groupName = (key: string | null) => (key ? nameOf(reference.data?.supportGroups, key, 'group') : 'Not assigned');
  return (
    <section className={styles.page} aria-labelledby="search-heading">
      <PageTitle id="search-heading">Search by requester</PageTitle>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!person) return setProblem('Choose a person from the list first: type two letters of their name or email address.');
          setProblem(undefined);
          navigate({ name: 'search', requester: person.id });
        }}
      >
        <PersonPicker api={api} name="requester" label="Requester" required error={problem} onSelect={(p) => (setPerson(p), p && setProblem(undefined))} />
        <Field>
          <Button type="submit">
            Search
          </Button>
        </Field>
      </form>
      {list.error && <ErrorMessage title="The search failed" message={list.error} />}
      {requester && list.loaded && <Text role="status">{list.items.length === 0 ? 'No tickets for this person.' : `Showing ${list.items.length}${list.nextCursor ? '; more are available' : ''}.`}</Text>}
      {list.items.length > 0 && <TicketList caption="Tickets of this requester" items={list.items} groupName={groupName} />}
      {list.nextCursor && (
        <div>
          <Button onClick={list.loadMore}>Load more</Button>
        </div>
      )}
      {requester && list.loading && <Spinner label="Searching…" />}
    </section>
  );
}
