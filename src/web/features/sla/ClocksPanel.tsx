import { Link, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { RequesterClocksResponse, TicketClocksResponse } from '../../../contracts/sla';
import { useReference } from '../../api-client/use-reference';
import { useSession } from '../../app/session-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatInstant } from '../../components/format';
import { nameOf } from '../../components/reference-names';
import { ClockDetails } from './ClockDetails';
import { formatTarget } from './format-clock';
import { getClocks } from './sla-api';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

export const CLOCK_DEFINITIONS_HREF = '#/clock-definitions';

function requesterLine(c: RequesterClocksResponse['clocks'][number]): string {
  const aim = c.kind === 'response' ? 'respond' : 'resolve this';
  const target = formatTarget(c.target);
  switch (c.state) {
    case 'met':
      return c.kind === 'response' ? `We responded within our target of ${target}.` : `Resolved within our target of ${target}.`;
    case 'breached':
      return c.kind === 'response' ? `We aimed to respond within ${target}; it took longer.` : `We aimed to resolve this within ${target}${c.dueAt ? ` (by ${formatInstant(c.dueAt)})` : ''}; it is taking longer.`;
    case 'paused':
      return `We aim to ${aim} within ${target}. The clock is paused${c.waitingForYou ? ' until you reply' : ' while we wait for someone else'}.`;
    case 'cancelled':
      return 'The ticket was cancelled.';
    default:
      return `We aim to ${aim} within ${target}${c.dueAt ? `: by ${formatInstant(c.dueAt)}` : ''}.`;
  }
}

function RequesterView({ answer }: { answer: RequesterClocksResponse }) {
  const styles = useStyles();
  const waiting = answer.clocks.some((c) => c.waitingForYou);
  return (
    <>
      {waiting && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>We are waiting for your reply. Answer below and we carry on; the clock does not run while we wait for you.</MessageBarBody>
        </MessageBar>
      )}
      <ul className={styles.list}>
        {answer.clocks.map((c) => (
          <li key={c.kind}>{requesterLine(c)}</li>
        ))}
      </ul>
    </>
  );
}

/**
 * The ticket's service levels: every clock with its timeline for analysts, owners and admins; for the caller, the
 * targets and whether the ticket waits for them. Reloads when the ticket's version changes.
 */
export function ClocksPanel({ number, version }: { number: string; version: string }) {
  const styles = useStyles();
  const { api } = useSession();
  const groups = useReference(api).data?.supportGroups;
  const groupName = (key: string) => nameOf(groups, key, 'group');
  const [answer, setAnswer] = useState<TicketClocksResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    getClocks(api, number).then(
      (a) => live && (setAnswer(a), setError(null)),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [api, number, version]);

  return (
    <section className={styles.panel} aria-labelledby="clocks-heading">
      <h2 id="clocks-heading">Service levels</h2>
      {error && <ErrorMessage title="The service levels could not be loaded" message={error} />}
      {!answer && !error && <Spinner size="tiny" label="Loading service levels…" />}
      {answer?.problems.map((p) => (
        <MessageBar key={p.code} intent="warning" layout="multiline">
          <MessageBarBody>No due time can be shown: {p.message}</MessageBarBody>
        </MessageBar>
      ))}
      {answer?.view === 'requester' && <RequesterView answer={answer} />}
      {answer?.view === 'full' && (
        <>
          {answer.clocks.length === 0 && answer.problems.length === 0 && <p>No SLA or OLA applies to this ticket.</p>}
          {answer.clocks.map((c) => (
            <ClockDetails key={c.id} clock={c} groupName={groupName} />
          ))}
          {answer.groupsWithoutAgreement.length > 0 && <p>No OLA agreement was in force for: {answer.groupsWithoutAgreement.map(groupName).join(', ')}.</p>}
        </>
      )}
      <Link href={CLOCK_DEFINITIONS_HREF}>How service level clocks are counted</Link>
    </section>
  );
}
