import { Button, Link, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { AttachmentDto } from '../../../contracts/api';
import { useSession } from '../../app/session-context';
import { session } from '../../platform/session';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatBytes, formatInstant } from '../../components/format';
import { AttachmentPicker } from '../raise/AttachmentPicker';
import { uploadAll } from '../raise/upload-all';

const useStyles = makeStyles({ item: { overflowWrap: 'anywhere' }, add: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS } });

async function download(token: string | null, a: AttachmentDto) {
  const response = await fetch(a.downloadPath, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new Error(`The file could not be downloaded (${response.status}).`);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = a.name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Files on the ticket, and adding more while it is open. */
export function Attachments({ number, attachments, canAdd, onAdded }: { number: string; attachments: readonly AttachmentDto[]; canAdd: boolean; onAdded: () => void }) {
  const styles = useStyles();
  const { api } = useSession();
  const [files, setFiles] = useState<File[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function upload() {
    setBusy(true);
    const failed = await uploadAll(api, number, files);
    setBusy(false);
    setProblem(failed);
    if (!failed) setFiles([]);
    onAdded();
  }
  return (
    <section aria-labelledby="attachments-heading">
      <h2 id="attachments-heading">Attachments</h2>
      {attachments.length === 0 ? (
        <p>No attachments.</p>
      ) : (
        <ul>
          {attachments.map((a) => (
            <li key={a.id} className={styles.item}>
              <Link
                href={a.downloadPath}
                onClick={(e) => {
                  e.preventDefault();
                  download(session.token(), a).catch((err: Error) => setProblem(err.message));
                }}
              >
                {a.name}
              </Link>{' '}
              ({formatBytes(a.size)}, added by {a.uploadedByName} on {formatInstant(a.uploadedAt)})
            </li>
          ))}
        </ul>
      )}
      {problem && <ErrorMessage title="Attachments" message={problem} />}
      {canAdd && (
        <div className={styles.add}>
          <AttachmentPicker files={files} onChange={setFiles} label="Add attachments" />
          {files.length > 0 && (
            <div>
              <Button onClick={() => void upload()} disabled={busy}>
                {busy ? 'Uploading…' : `Upload ${files.length} file${files.length === 1 ? '' : 's'}`}
              </Button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
