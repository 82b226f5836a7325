import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { KpiDrillDto, KpiReportDto } from '../../../contracts/kpi';
import { useSession } from '../../app/session-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { DrillTable } from './DrillPanel';
import { getKpiDrill, type DashboardParams } from './kpi-client';
import { STATUS_SYMBOL } from './status';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere', '& th, & td': { textAlign: 'left', padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` } },
});

/** OLA compliance per group for the period, and for a chosen group its breached stints with hand-over chains. */
export function OlaReview({ report, params }: { report: KpiReportDto; params: DashboardParams }) {
  const styles = useStyles();
  const { api } = useSession();
  const [open, setOpen] = useState<{ group: string; drill: KpiDrillDto | null; error: string | null } | null>(null);
  const show = (group: string) => {
    setOpen({ group, drill: null, error: null });
    getKpiDrill(api, params, 'olaResolution', group)
      .then((d) => setOpen({ group, drill: { ...d, rows: d.rows.filter((r) => r.met === false && r.groupId === group) }, error: null }))
      .catch((e: Error) => setOpen({ group, drill: null, error: e.message }));
  };
  return (
    <section aria-labelledby="ola-title">
      <h2 id="ola-title">OLA review</h2>
      {report.olaByGroup.length === 0 ? <p>No group completed an OLA clock in this period (or no agreement applied).</p> : (
        <table className={styles.table}>
          <thead><tr><th scope="col">Group</th><th scope="col">Resolution</th><th scope="col">Response</th><th scope="col">Breaches</th></tr></thead>
          <tbody>
            {report.olaByGroup.map((g) => (
              <tr key={g.groupId}>
                <th scope="row">{g.groupName}</th>
                <td>{g.resolution.display} <span aria-hidden="true">{STATUS_SYMBOL[g.resolution.status]}</span> {g.resolution.statusLabel}</td>
                <td>{g.response.display} <span aria-hidden="true">{STATUS_SYMBOL[g.response.status]}</span> {g.response.statusLabel}</td>
                <td><Button size="small" onClick={() => show(g.groupId)} aria-label={`Show breaches of ${g.groupName}`}>Show breaches</Button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open ? (
        <div aria-live="polite">
          <h3>Breached stints of {report.scope.names[open.group] ?? open.group}</h3>
          {open.error ? <ErrorMessage title="The breaches could not be listed" message={open.error} /> : null}
          {open.drill ? <DrillTable drill={open.drill} names={report.scope.names} /> : open.error ? null : <p>Loading…</p>}
        </div>
      ) : null}
    </section>
  );
}
