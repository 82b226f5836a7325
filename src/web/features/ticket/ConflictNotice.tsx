import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useReference } from '../../api-client/use-reference';
import { useSession } from '../../app/session-context';
import { referenceNames } from '../../components/reference-names';
import { describeChange, knownPeople } from './describe';
import type { ConflictInfo } from './use-ticket';

/** Someone else saved first: say what they changed, and let this person apply their change to the new version. */
export function ConflictNotice({ conflict, onReapply, busy }: { conflict: ConflictInfo; onReapply: () => void; busy: boolean }) {
  const names = referenceNames(useReference(useSession().api).data, knownPeople(conflict.entries));
  return (
    <MessageBar intent="warning" role="alert" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Someone else changed this ticket while you were working</MessageBarTitle>
        {conflict.entries.length === 0 ? (
          <p>The ticket was saved by someone else. It now shows their version.</p>
        ) : (
          <ul aria-label="What changed">
            {conflict.entries.map((e, i) => (
              <li key={i}>
                {e.byName}: {e.changes.map((c) => describeChange(c, names)).join('; ')}
              </li>
            ))}
          </ul>
        )}
        <p>Your change was not saved. Check it still makes sense, then apply it again.</p>
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onReapply} disabled={busy}>
          Apply my change again
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
