import { Badge, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import type { ClockDto } from '../../../contracts/sla';
import { formatInstant } from '../../components/format';
import { BAND_LABELS, STATE_LABELS, bandOf, clockTitle, formatDuration, formatTarget } from './format-clock';

const useStyles = makeStyles({
  card: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS },
  heading: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: 0, fontSize: tokens.fontSizeBase400 },
  facts: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 12rem), 1fr))', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`, margin: `${tokens.spacingVerticalS} 0` },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0 },
  timeline: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalXL },
});

const BAR: Record<string, 'brand' | 'warning' | 'error' | 'success'> = { ok: 'brand', warning: 'warning', danger: 'error', paused: 'brand', done: 'success', none: 'brand' };

const SEGMENT_WORDS: Record<string, string> = { running: 'Running', paused: 'Paused', stopped: 'Stopped' };

function segmentReason(reason: string, kind: string): string {
  if (kind === 'paused') return `on hold: ${reason.replace(/^Awaiting/, 'awaiting ').toLowerCase()}`;
  if (kind === 'stopped') return 'resolved';
  return reason.startsWith('hold:') ? `on hold (${reason.slice(5)}) without pausing` : `after ${reason}`;
}

/** One clock for analysts, owners and admins: figures, a bar with its words, and the timeline that explains them. */
export function ClockDetails({ clock: c, groupName }: { clock: ClockDto; groupName: (key: string) => string }) {
  const styles = useStyles();
  const title = clockTitle(c, groupName);
  const band = bandOf(c.state, c.percentElapsed);
  const measure = c.measure === 'business' ? 'working time' : 'real time';
  const facts: [string, string][] = [
    ['Target', `${formatTarget(c.target)} (priority P${c.priority})`],
    ['Started', formatInstant(c.startedAt)],
    ['Due', c.dueAt ? formatInstant(c.dueAt) : c.state === 'paused' ? 'Not while paused' : 'Not known'],
    [c.completedAt ? 'Stopped' : 'Remaining', c.completedAt ? `${formatInstant(c.completedAt)} (${c.completedBy})` : `${c.remainingMs < 0 ? 'overdue by ' : ''}${formatDuration(c.remainingMs)}`],
    ['Elapsed', `${formatDuration(c.elapsedMs)} of ${measure}`],
    ['Paused', formatDuration(c.pausedMs)],
    ['Policy', `${c.policyKey} version ${c.policyVersion}, calendar ${c.calendarKey}`],
  ];
  const pct = Math.round(c.percentElapsed);
  return (
    <section className={styles.card} aria-label={title}>
      <h3 className={styles.heading}>
        {title}
        <Badge appearance="tint" color={band === 'danger' ? 'danger' : band === 'warning' ? 'warning' : band === 'ok' ? 'success' : 'informative'}>
          {STATE_LABELS[c.state]}
        </Badge>
      </h3>
      <ProgressBar value={Math.min(pct, 100) / 100} color={BAR[band]} thickness="large" aria-label={`${pct} % of the target elapsed: ${BAND_LABELS[band]}`} />
      <p className={styles.value}>
        {pct} % of the target elapsed: {BAND_LABELS[band].toLowerCase()}
      </p>
      <dl className={styles.facts}>
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
      <details>
        <summary>Timeline ({c.segments.length} {c.segments.length === 1 ? 'stretch' : 'stretches'})</summary>
        <ol className={styles.timeline}>
          {c.segments.map((s) => (
            <li key={`${s.from}-${s.kind}`}>
              {SEGMENT_WORDS[s.kind]} {segmentReason(s.reason, s.kind)}: {formatInstant(s.from)} to {formatInstant(s.to)}, {formatDuration(s.measuredMs)} of {measure}
            </li>
          ))}
          {c.markers.map((m) => (
            <li key={`marker-${m.at}`}>
              {formatInstant(m.at)}: priority P{m.fromPriority} to P{m.toPriority}, target now {formatTarget(m.target)} from the original start
            </li>
          ))}
          {c.thresholds.map((t) => (
            <li key={`threshold-${t.percent}`}>
              {t.percent} % {t.firesAt ? `${Date.parse(t.firesAt) <= Date.now() ? 'reached' : 'due'} ${formatInstant(t.firesAt)}` : 'not known while paused'}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
