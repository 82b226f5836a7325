import { Button, Select, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { validatePriorityMatrix } from '../../../domain/tickets/priority';
import { forgetReference } from '../../api-client/use-reference';
import { useSession } from '../../app/session-context';
import { ErrorMessage } from '../../components/ErrorMessage';

const useStyles = makeStyles({ region: { overflowX: 'auto' }, page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });
const LEVEL = ['1 (high)', '2 (medium)', '3 (low)'];
const PATH = '/api/admin/priority-matrix';

/** Impact x urgency -> priority, checked as the domain checks it before it is sent. */
export function PriorityMatrixEditor() {
  const styles = useStyles();
  const { api } = useSession();
  const [matrix, setMatrix] = useState<number[][] | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    api
      .get<{ matrix: number[][] }>(PATH)
      .then((a) => setMatrix(a.matrix.map((r) => [...r])))
      .catch((e: Error) => setLoadError(e.message));
  }, [api]);

  async function save() {
    if (!matrix) return;
    const found = validatePriorityMatrix(matrix);
    setProblems(found);
    setNotice(null);
    if (found.length > 0) return;
    try {
      await api.put(PATH, { matrix });
      forgetReference(api);
      setNotice('Priority matrix saved. New and changed tickets use it from now on.');
    } catch (e) {
      setProblems([(e as Error).message]);
    }
  }

  if (loadError) return <ErrorMessage title="The priority matrix could not be loaded" message={loadError} />;
  if (!matrix) return <Spinner label="Loading the priority matrix…" />;
  return (
    <div className={styles.page}>
      <Text as="p">Rows are impact, columns urgency. Priority may never get more urgent as impact or urgency falls.</Text>
      {problems.length > 0 && <ErrorMessage title="The matrix was not saved" message={problems.join(' ')} />}
      {notice && <Text role="status">{notice}</Text>}
      <div className={styles.region} role="region" aria-label="Priority matrix" tabIndex={0}>
        <Table aria-label="Priority by impact and urgency" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Impact \ urgency</TableHeaderCell>
              {LEVEL.map((l) => (
                <TableHeaderCell key={l}>Urgency {l}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {matrix.map((row, i) => (
              <TableRow key={i}>
                <TableHeaderCell>Impact {LEVEL[i]}</TableHeaderCell>
                {row.map((cell, j) => (
                  <TableCell key={j}>
                    <Select
                      aria-label={`Priority for impact ${i + 1}, urgency ${j + 1}`}
                      value={String(cell)}
                      onChange={(_, d) => setMatrix((m) => m && m.map((r, a) => r.map((c, b) => (a === i && b === j ? Number(d.value) : c))))}
                    >
                      {[1, 2, 3, 4, 5].map((p) => (
                        <option key={p} value={p}>
                          P{p}
                        </option>
                      ))}
                    </Select>
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <div>
        <Button appearance="primary" onClick={() => void save()}>
          Save matrix
        </Button>
      </div>
    </div>
  );
}
