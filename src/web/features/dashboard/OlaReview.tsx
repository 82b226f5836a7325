import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { KpiDrillDto, KpiFigureDto, KpiReportDto } from '../../../contracts/kpi';
import { useSession } from '../../app/session-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { DrillTable } from './DrillPanel';
import { getKpiDrill, type DashboardParams } from './kpi-client';
import { STATUS_SYMBOL } from './status';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere', '& th, & td': { textAlign: 'left', padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` } },
});

/** Breaches a row of the OLA table counts for one clock: the measured stints that were not met. */
const breachesOf = (f: KpiFigureDto): number => (f.denominator ?? 0) - (f.numerator ?? 0);

type Clock = 'olaResolution' | 'olaResponse';
const CLOCKS: readonly { figure: Clock; label: string; of: (g: KpiReportDto['olaByGroup'][number]) => KpiFigureDto }[] = [
  { figure: 'olaResolution', label: 'Resolution breaches', of: (g) => g.resolution },
  { figure: 'olaResponse', label: 'Response breaches', of: (g) => g.response },
];

interface Open {
  readonly group: string;
  /** Bumped on every press, so pressing the same group's button again takes focus back to the list. */
  readonly seq: number;
  readonly drills: Partial<Record<Clock, KpiDrillDto>>;
  readonly error: string | null;
}

/** OLA compliance per group for the period, and for a chosen group its breached stints (resolution and response) with hand-over chains. */
export function OlaReview({ report, params }: { report: KpiReportDto; params: DashboardParams }) {
  const styles = useStyles();
  const { api } = useSession();
  const heading = useRef<HTMLHeadingElement>(null);
  const [open, setOpen] = useState<Open | null>(null);
  const show = (group: string) => {
    const seq = (open?.seq ?? 0) + 1;
    setOpen({ group, seq, drills: {}, error: null });
    Promise.all(CLOCKS.map((c) => getKpiDrill(api, params, c.figure, group).then((d) => [c.figure, { ...d, rows: d.rows.filter((r) => r.met === false && r.groupId === group) }] as const)))
      .then((ds) => setOpen((o) => (o?.seq === seq ? { ...o, drills: Object.fromEntries(ds) } : o)))
      .catch((e: Error) => setOpen((o) => (o?.seq === seq ? { ...o, error: e.message } : o)));
  };
  // The list opens below a table that may be long: keyboard and screen-reader users are taken to its heading.
  useEffect(() => {
    if (open) heading.current?.focus();
  }, [open?.seq]);
  const row = open ? report.olaByGroup.find((g) => g.groupId === open.group) : undefined;
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
        <section aria-labelledby="ola-breaches-title" data-ola-breaches={open.group}>
          <h3 id="ola-breaches-title" ref={heading} tabIndex={-1}>Breached stints of {report.scope.names[open.group] ?? open.group}</h3>
          {open.error ? <ErrorMessage title="The breaches could not be listed" message={open.error} /> : null}
          {!open.error && Object.keys(open.drills).length === 0 ? <p aria-live="polite">Loading…</p> : null}
          {CLOCKS.map((c) => {
            const drill = open.drills[c.figure];
            if (!drill) return null;
            const counted = row ? breachesOf(c.of(row)) : drill.rows.length;
            return (
              <div key={c.figure} data-ola-breaches-clock={c.figure}>
                <h4>{c.label} ({drill.rows.length}{counted !== drill.rows.length ? `; the table counts ${counted}` : ''})</h4>
                <DrillTable drill={drill} names={report.scope.names} />
              </div>
            );
          })}
        </section>
      ) : null}
    </section>
  );
}
