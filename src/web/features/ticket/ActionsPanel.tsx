import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { TicketDetailResponse } from '../../../contracts/api';
import { newIdempotencyKey } from '../../api-client/endpoints';
import { ErrorMessage } from '../../components/ErrorMessage';
import type { CommandSpec } from './actions';
import { allowedCommands } from './actions';
import { CommandPanel } from './CommandPanel';
import { ConflictNotice } from './ConflictNotice';
import type { ConflictInfo, RunOutcome } from './use-ticket';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalM },
});

interface Props {
  readonly detail: TicketDetailResponse;
  readonly me: { id: string; isAnalyst: boolean };
  readonly run: (action: string, body: Record<string, unknown>, key: string) => Promise<RunOutcome>;
  readonly onDone: (message: string) => void;
}

/** The commands this person may run now; one opens at a time. */
export function ActionsPanel({ detail, me, run, onDone }: Props) {
  const styles = useStyles();
  const commands = allowedCommands(detail, me);
  const [open, setOpen] = useState<CommandSpec | null>(null);
  const [instant, setInstant] = useState<{ spec: CommandSpec; message: string; conflict: ConflictInfo | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open) panel.current?.querySelector<HTMLElement>('input, textarea, select, button[role="combobox"], [role="radio"]')?.focus();
  }, [open]);

  async function runNow(spec: CommandSpec) {
    setBusy(true);
    const outcome = await run(spec.action, {}, newIdempotencyKey());
    setBusy(false);
    if (outcome.ok) {
      setInstant(null);
      onDone(`${spec.label}: done.`);
    } else setInstant({ spec, message: outcome.message, conflict: outcome.conflict });
  }

  if (commands.length === 0) return null;
  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading">What you can do</h2>
      <div className={styles.bar} role="group" aria-label="Ticket actions">
        {commands.map((c) => (
          <Button
            key={c.action}
            appearance={open?.action === c.action ? 'primary' : 'secondary'}
            aria-expanded={c.fields.length > 0 ? open?.action === c.action : undefined}
            disabled={busy}
            onClick={() => (c.fields.length === 0 ? void runNow(c) : setOpen(open?.action === c.action ? null : c))}
          >
            {c.label}
          </Button>
        ))}
      </div>
      {instant?.conflict && <ConflictNotice conflict={instant.conflict} busy={busy} onReapply={() => void runNow(instant.spec)} />}
      {instant && !instant.conflict && <ErrorMessage title={`${instant.spec.label} did not go through`} message={instant.message} />}
      <div ref={panel}>
        {open && (
          <CommandPanel
            key={open.action}
            spec={open}
            ticketNumber={detail.ticket.number}
            run={run}
            onCancel={() => setOpen(null)}
            onDone={(message) => {
              setOpen(null);
              onDone(message);
            }}
          />
        )}
      </div>
    </section>
  );
}
