import { Button, Link, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { KpiDrillDto } from '../../../contracts/kpi';
import { drillCsv } from '../../../contracts/kpi-csv';
import { formatDuration } from '../../../contracts/kpi-format';
import { KPI_CATALOGUE, type KpiId } from '../../../domain/kpi';
import { hrefFor } from '../../app/router';
import { useSession } from '../../app/session-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { getKpiDrill, saveText, type DashboardParams } from './kpi-client';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200, tableLayout: 'fixed', overflowWrap: 'anywhere', '& th, & td': { textAlign: 'left', verticalAlign: 'top', padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` } },
  chain: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const when = (iso: string): string => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

export function DrillTable({ drill, names }: { drill: KpiDrillDto; names: Readonly<Record<string, string>> }) {
  const styles = useStyles();
  const name = (id: string | null): string => (id === null ? 'none' : (names[id] ?? id));
  if (drill.rows.length === 0) return <p>No tickets.</p>;
  return (
    <table className={styles.table}>
      <thead><tr><th scope="col">Ticket</th><th scope="col">When</th><th scope="col">Group / service</th><th scope="col">Clock</th></tr></thead>
      <tbody>
        {drill.rows.map((r) => (
          <tr key={`${r.number}-${r.stintAssignedAt ?? ''}`}>
            <td><Link href={hrefFor({ name: 'ticket', number: r.number })}>{r.number}</Link> {r.title}</td>
            <td>{when(r.at)}</td>
            <td>{name(r.groupId)} / {name(r.serviceId)}</td>
            <td>
              {r.met === undefined ? 'not measured' : r.met ? 'met' : 'breached'}
              {r.chain ? (
                <ol className={styles.chain} aria-label={`Hand-over chain of ${r.number}`}>
                  {r.chain.map((c) => (
                    <li key={c.from}>{name(c.groupId)}: held {formatDuration(c.heldMs)}{c.targetMs !== null ? `, target ${formatDuration(c.targetMs)}` : ', no agreement'}</li>
                  ))}
                </ol>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Backlog growth's tickets: those that joined the backlog and those that left it, each list with its count. */
function BacklogChange({ drill, names }: { drill: KpiDrillDto; names: Readonly<Record<string, string>> }) {
  const joined = drill.rows.filter((r) => r.backlog === 'joined');
  const left = drill.rows.filter((r) => r.backlog === 'left');
  return (
    <>
      <p data-backlog-change>
        {joined.length} joined the backlog and {left.length} left it: a growth of {joined.length - left.length}.
      </p>
      <h3>Joined: open at the end of the period, not at its start ({joined.length})</h3>
      <DrillTable drill={{ ...drill, rows: joined }} names={names} />
      <h3>Left: open at the start of the period, not at its end ({left.length})</h3>
      <DrillTable drill={{ ...drill, rows: left }} names={names} />
    </>
  );
}

/** The tickets behind one number; takes focus when it opens so keyboard users land on it. */
export function DrillPanel({ figure, params, names, onClose }: { figure: KpiId; params: DashboardParams; names: Readonly<Record<string, string>>; onClose: () => void }) {
  const { api } = useSession();
  const heading = useRef<HTMLHeadingElement>(null);
  const [drill, setDrill] = useState<KpiDrillDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setDrill(null);
    heading.current?.focus();
    getKpiDrill(api, params, figure).then((d) => live && (setDrill(d), setError(null))).catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [api, params, figure]);
  return (
    <section aria-labelledby="drill-title">
      <h2 id="drill-title" ref={heading} tabIndex={-1}>Tickets behind {KPI_CATALOGUE[figure].title}{drill && figure !== 'backlogGrowth' ? ` (${drill.rows.length})` : ''}</h2>
      <p>
        <Button onClick={onClose}>Close the list</Button>{' '}
        {drill ? <Button onClick={() => saveText(`kpi-${figure}-${drill.from}-${drill.to}.csv`, 'text/csv', drillCsv(drill))}>Download these tickets (CSV)</Button> : null}
      </p>
      {error ? <ErrorMessage title="The tickets could not be listed" message={error} /> : null}
      {!drill && !error ? <Spinner label="Listing the tickets" /> : null}
      {drill && figure === 'backlogGrowth' ? <BacklogChange drill={drill} names={names} /> : drill ? <DrillTable drill={drill} names={names} /> : null}
    </section>
  );
}
