import { MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { ApiCallError } from '../../api-client/client';
import { useSession } from '../../app/session-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { flash } from '../../components/flash';
import { PageTitle } from '../../components/PageTitle';
import { ClocksPanel } from '../sla/ClocksPanel';
import { ActionsPanel } from './ActionsPanel';
import { Attachments } from './Attachments';
import { Conversation } from './Conversation';
import { TicketFacts } from './TicketFacts';
import { Timeline } from './Timeline';
import { useTicket } from './use-ticket';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  description: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 },
});

/** One ticket: what it is, the conversation, the history, attachments and the actions the state allows. */
export default function TicketPage({ number }: { number: string }) {
  const styles = useStyles();
  const { me, isAnalyst } = useSession();
  const { detail, error, run, reload } = useTicket(number);
  const [notice, setNotice] = useState<string | null>(() => flash.take());

  if (error && !detail) {
    const missing = error instanceof ApiCallError && (error.status === 404 || error.status === 403);
    return (
      <section aria-labelledby="ticket-heading">
        <PageTitle id="ticket-heading">{number}</PageTitle>
        <ErrorMessage
          title={missing ? `No ticket ${number}` : `${number} could not be loaded`}
          message={missing ? 'There is no ticket with that number that you can see. Check the number and try again.' : error.message}
        />
      </section>
    );
  }
  if (!detail) return <Spinner label={`Loading ${number}…`} />;
  const t = detail.ticket;
  return (
    <article className={styles.page} aria-labelledby="ticket-heading">
      <PageTitle id="ticket-heading">
        {t.number}: {t.title}
      </PageTitle>
      {notice && (
        <MessageBar intent="success" role="status" layout="multiline">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <TicketFacts ticket={t} />
      <ClocksPanel number={t.number} version={detail.etag} />
      <section aria-labelledby="description-heading">
        <h2 id="description-heading">Description</h2>
        <p className={styles.description}>{t.description || 'No description given.'}</p>
      </section>
      <ActionsPanel
        detail={detail}
        me={{ id: me.id, isAnalyst }}
        run={run}
        onDone={(message) => {
          setNotice(message);
          void reload();
        }}
      />
      <Conversation messages={detail.messages} />
      <Attachments number={t.number} attachments={detail.attachments ?? []} canAdd={t.state !== 'Cancelled' && t.state !== 'Closed'} onAdded={() => void reload()} />
      <Timeline history={detail.history} ticket={t} peopleNames={detail.peopleNames} />
    </article>
  );
}
