import { Button, Field, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useRef } from 'react';
import { formatBytes } from '../../components/format';

const ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.txt,.log,.csv,.docx,.xlsx,.pptx,.msg,.eml';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' },
  item: { overflowWrap: 'anywhere' },
});

/** Optional files to attach; uploaded once the ticket exists. */
export function AttachmentPicker({ files, onChange, label = 'Attachments (optional)' }: { files: File[]; onChange: (files: File[]) => void; label?: string }) {
  const styles = useStyles();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  return (
    <Field label={label} hint="Up to 10 MB each: PDF, pictures (PNG, JPEG, GIF), text, log or CSV files, Word, Excel, PowerPoint or saved emails.">
      <div>
        <input
          id={id}
          ref={input}
          className={styles.hidden}
          type="file"
          multiple
          accept={ACCEPT}
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => {
            onChange([...files, ...Array.from(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
        <Button onClick={() => input.current?.click()}>Add files</Button>
        {files.length > 0 && (
          <ul className={styles.list}>
            {files.map((f, i) => (
              <li key={`${f.name}-${i}`} className={styles.item}>
                <Text>
                  {f.name} ({formatBytes(f.size)}){' '}
                </Text>
                <Button size="small" appearance="subtle" onClick={() => onChange(files.filter((_, j) => j !== i))} aria-label={`Remove ${f.name}`}>
                  Remove
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Field>
  );
}
