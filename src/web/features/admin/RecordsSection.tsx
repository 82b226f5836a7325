import { Button, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { PageResponse } from '../../../contracts/api';
import { forgetReference, useReference } from '../../api-client/use-reference';
import { nameOf } from '../../components/reference-names';
import { useSession } from '../../app/session-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { RecordForm } from './RecordForm';
import type { AdminRecord, AdminSectionSpec } from './sections';

const useStyles = makeStyles({
  region: { overflowX: 'auto', maxWidth: '100%' },
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

const show = (v: string | boolean | null | undefined): string => (typeof v === 'boolean' ? (v ? 'Yes' : 'No') : (v ?? ''));

/** A list of one kind of configuration record, with add and edit. */
export function RecordsSection({ spec }: { spec: AdminSectionSpec }) {
  const styles = useStyles();
  const { api } = useSession();
  const reference = useReference(api).data;
  // Group and service columns hold keys: show the names people know them by.
  const cell = (kind: string, v: string | boolean | null | undefined): string =>
    typeof v === 'string' && v && (kind === 'group' || kind === 'service')
      ? nameOf(kind === 'group' ? reference?.supportGroups : reference?.services, v, kind === 'group' ? 'group' : 'service')
      : show(v);
  const [records, setRecords] = useState<AdminRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<AdminRecord | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(() => {
    api
      .get<PageResponse<AdminRecord> | AdminRecord[]>(spec.path)
      .then((answer) => setRecords([...(Array.isArray(answer) ? answer : answer.items)]))
      .catch((e: Error) => setError(e.message));
  }, [api, spec.path]);
  useEffect(load, [load]);

  const columns = spec.fields.filter((f) => f.kind !== 'checkbox' || f.name === 'isActive');
  return (
    <div className={styles.page}>
      {error && <ErrorMessage title={`${spec.title} could not be loaded`} message={error} />}
      {notice && <Text role="status">{notice}</Text>}
      {!records && !error && <Spinner label={`Loading ${spec.title.toLowerCase()}…`} />}
      {records && (
        <div className={styles.region} role="region" aria-label={spec.title} tabIndex={0}>
          <Table aria-label={spec.title} size="small">
            <TableHeader>
              <TableRow>
                {columns.map((c) => (
                  <TableHeaderCell key={c.name}>{c.label}</TableHeaderCell>
                ))}
                <TableHeaderCell>Actions</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {records.map((r) => (
                <TableRow key={String(r.key)}>
                  {columns.map((c) => (
                    <TableCell key={c.name}>{cell(c.kind, r[c.name])}</TableCell>
                  ))}
                  <TableCell>
                    <Button size="small" onClick={() => setEditing(r)} aria-label={`Edit ${String(r.name ?? r.key)}`}>
                      Edit
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {!editing && (
        <div>
          <Button onClick={() => setEditing('new')}>Add a {spec.singular}</Button>
        </div>
      )}
      {editing && (
        <RecordForm
          spec={spec}
          initial={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={(name) => {
            setEditing(null);
            setNotice(`${name} saved.`);
            forgetReference(api);
            load();
          }}
        />
      )}
    </div>
  );
}
