import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { KpiFigureDto } from '../../../contracts/kpi';
import { populationLine } from '../../../contracts/kpi-format';
import type { KpiId } from '../../../domain/kpi';
import { STATUS_BORDER, STATUS_COLOUR, STATUS_SYMBOL } from './status';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 15rem), 1fr))',
    gap: tokens.spacingHorizontalM,
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  tile: {
    borderLeft: `${tokens.strokeWidthThickest} solid`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  value: { fontSize: tokens.fontSizeBase600, fontWeight: tokens.fontWeightSemibold, padding: 0, minWidth: 0, height: 'auto' },
  status: { fontWeight: tokens.fontWeightSemibold },
  small: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: `${tokens.spacingVerticalXXS} 0` },
});

function targetText(f: KpiFigureDto): string {
  if (!f.target) return 'No target set';
  const op = f.target.direction === 'higherIsBetter' ? 'at least' : 'at most';
  return `Target: green ${op} ${f.target.green}, amber ${op} ${f.target.amber}`;
}

/** One tile per figure: the number (a button that lists its tickets), target, status in words, and its definition. */
export function KpiTiles({ figures, onDrill }: { figures: readonly KpiFigureDto[]; onDrill: (id: KpiId) => void }) {
  const styles = useStyles();
  return (
    <ul className={styles.grid} aria-label="Figures">
      {figures.map((f) => (
        <li key={f.id} className={styles.tile} style={{ borderLeftColor: STATUS_BORDER[f.status] }} data-kpi={f.id}>
          <h3 className={styles.title}>{f.title}</h3>
          <Button appearance="transparent" className={styles.value} onClick={() => onDrill(f.id)} aria-label={`${f.title}: ${f.display}. Show the tickets behind this number`} data-kpi-value={f.id}>
            {f.display}
          </Button>
          <p className={styles.small}>{targetText(f)}</p>
          {/* Without a target the line above already says so: no second "No target set". */}
          {f.status === 'noTarget' ? null : (
            <p className={`${styles.small} ${styles.status}`} style={{ color: STATUS_COLOUR[f.status] }}>
              <span aria-hidden="true">{STATUS_SYMBOL[f.status]} </span>
              {f.statusLabel}
            </p>
          )}
          <p className={styles.small}>
            {populationLine(f)}
            {f.excluded > 0 ? ` (${f.excluded} not measured)` : ''}
          </p>
          <details className={styles.small}>
            <summary>Definition</summary>
            <p>Counts: {f.definition.numerator}</p>
            {f.definition.denominator ? <p>Out of: {f.definition.denominator}</p> : null}
            {f.definition.clock ? <p>Clock: {f.definition.clock}</p> : null}
          </details>
        </li>
      ))}
    </ul>
  );
}
