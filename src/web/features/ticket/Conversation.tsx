import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { MessageDto } from '../../../contracts/api';
import { formatInstant } from '../../components/format';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  message: {
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  note: { backgroundColor: tokens.colorNeutralBackground3, border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}` },
  meta: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, fontWeight: tokens.fontWeightSemibold },
  body: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: `${tokens.spacingVerticalXS} 0 0` },
});

/** Replies and (for analysts) work notes, oldest first. Bodies are text, never markup. */
export function Conversation({ messages }: { messages: readonly MessageDto[] }) {
  const styles = useStyles();
  return (
    <section aria-labelledby="conversation-heading">
      <h2 id="conversation-heading">Conversation</h2>
      {messages.length === 0 ? (
        <p>No messages yet.</p>
      ) : (
        <ol className={styles.list} aria-label="Messages">
          {messages.map((m) => (
            <li key={m.key} className={m.kind === 'WorkNote' ? `${styles.message} ${styles.note}` : styles.message}>
              <div className={styles.meta}>
                <span>{m.authorName}</span>
                <span>{formatInstant(m.createdAt)}</span>
                {m.kind === 'WorkNote' && <Badge appearance="outline">Work note: analysts only</Badge>}
              </div>
              <p className={styles.body}>{m.body}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
