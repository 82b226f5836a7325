import { makeStyles, tokens } from '@fluentui/react-components';
import definitions from '../../../../docs/clock-definitions.md?raw';
import { PageTitle } from '../../components/PageTitle';
import { Markdown } from './markdown';

const useStyles = makeStyles({
  page: {
    maxWidth: '60rem',
    '& table': { borderCollapse: 'collapse', display: 'block', overflowX: 'auto', maxWidth: '100%' },
    '& th, & td': { border: `1px solid ${tokens.colorNeutralStroke1}`, padding: tokens.spacingHorizontalS, textAlign: 'left', verticalAlign: 'top' },
  },
});

/** docs/clock-definitions.md as a page of the tab: the one definition of every figure about targets. */
export default function ClockDefinitionsPage() {
  const styles = useStyles();
  const [title, ...rest] = definitions.split('\n');
  return (
    <article className={styles.page} aria-labelledby="definitions-heading">
      <PageTitle id="definitions-heading">{title!.replace(/^#\s+/, '')}</PageTitle>
      <Markdown text={rest.join('\n')} />
    </article>
  );
}
