import { Button, Field, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useRef, useState } from 'react';
import { ATTACHMENT_EXTENSIONS, attachmentProblem } from '../../../contracts/attachments';
import { formatBytes } from '../../components/format';

const ACCEPT = ATTACHMENT_EXTENSIONS.map((e) => `.${e}`).join(',');

/** Splits chosen files into those the API will take and, for the rest, a sentence each saying why not. */
export function screenFiles(chosen: readonly { name: string; size: number }[]): { accepted: number[]; refused: string[] } {
  const accepted: number[] = [];
  const refused: string[] = [];
  chosen.forEach((f, i) => {
    const problem = attachmentProblem(f.name, f.size);
    if (problem) refused.push(problem);
    else accepted.push(i);
  });
  return { accepted, refused };
}

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
  // Checked before anything is sent: the file picker's filter is only a suggestion (All files is one click away).
  const [refused, setRefused] = useState<string[]>([]);
  return (
    <Field
      label={label}
      hint="Up to 10 MB each: PDF, pictures (PNG, JPEG, GIF), text, log or CSV files, Word, Excel, PowerPoint or saved emails."
      {...(refused.length > 0 ? { validationMessage: `Not added: ${refused.join(' ')}`, validationState: 'error' as const } : {})}
    >
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
            const chosen = Array.from(e.target.files ?? []);
            const { accepted, refused: why } = screenFiles(chosen);
            setRefused(why);
            onChange([...files, ...accepted.map((i) => chosen[i]!)]);
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
