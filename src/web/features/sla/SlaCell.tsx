import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { TicketSlaSummaryDto } from '../../../contracts/sla';
import { BAND_LABELS, bandOf, summaryText, type Band } from './format-clock';

const useStyles = makeStyles({
  cell: { display: 'inline-flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

const COLOURS: Record<Band, 'success' | 'warning' | 'danger' | 'informative' | 'subtle'> = {
  ok: 'success',
  warning: 'warning',
  danger: 'danger',
  paused: 'informative',
  done: 'subtle',
  none: 'subtle',
};

/** Time left or overdue and % elapsed, as a coloured badge with its word and the figures in text. */
export function SlaCell({ sla }: { sla: TicketSlaSummaryDto | null | undefined }) {
  const styles = useStyles();
  if (!sla) return <span>Not known</span>;
  if (sla.problem) return <span title={sla.problem}>No due time: {sla.problem}</span>;
  const c = sla.current;
  if (!c) return <span>{BAND_LABELS.none}</span>;
  const band = bandOf(c.state, c.percentElapsed);
  return (
    <span className={styles.cell}>
      <Badge appearance="tint" color={COLOURS[band]}>
        {BAND_LABELS[band]}
      </Badge>
      <span>
        {summaryText(c)}
        {sla.waitingForCaller ? ', waiting for the caller' : ''}
      </span>
    </span>
  );
}
