import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { PersonDto } from '../../../contracts/api';
import type { ApiClient } from '../../api-client/client';
import { getTicket, newIdempotencyKey, runCommand } from '../../api-client/endpoints';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PersonPicker } from '../../components/PersonPicker';

const useStyles = makeStyles({
  box: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
});

/** Assigns every selected ticket to one person, each against its current version; failures are listed, never hidden. */
export function BulkAssign({ api, selected, onDone }: { api: ApiClient; selected: readonly string[]; onDone: (message: string) => void }) {
  const styles = useStyles();
  const [person, setPerson] = useState<PersonDto | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<string | null>(null);
  const [failures, setFailures] = useState<string[]>([]);

  async function assignAll() {
    if (!person) return;
    setBusy(true);
    const failed: string[] = [];
    for (const [i, number] of selected.entries()) {
      setProgress(`Assigning ${i + 1} of ${selected.length}…`);
      try {
        const { etag } = await getTicket(api, number);
        await runCommand(api, number, 'assign', { assigneeId: person.id }, etag, newIdempotencyKey());
      } catch (e) {
        failed.push(`${number}: ${(e as Error).message}`);
      }
    }
    setBusy(false);
    setProgress(null);
    setFailures(failed);
    onDone(`${selected.length - failed.length} of ${selected.length} tickets assigned to ${person.name}.`);
  }

  return (
    <section aria-label="Bulk assign">
      <div className={styles.box}>
        {/* A group's queue: every selected ticket has the same group, so the first one's eligible people fit all. */}
        <PersonPicker api={api} name="bulkAssignee" label={`Assign ${selected.length} selected to`} required={false} error={undefined} onSelect={setPerson} {...(selected[0] ? { assignableTo: selected[0] } : {})} />
        <Button appearance="primary" disabled={!person || busy || selected.length === 0} onClick={() => void assignAll()}>
          Assign selected
        </Button>
      </div>
      {progress && <Text role="status">{progress}</Text>}
      {failures.length > 0 && <ErrorMessage title="Some tickets were not assigned" message={failures.join(' ')} />}
    </section>
  );
}
