import { useCallback, useEffect, useState } from 'react';
import type { HistoryEntryDto, TicketDetailResponse } from '../../../contracts/api';
import { ApiCallError } from '../../api-client/client';
import { getTicket, runCommand } from '../../api-client/endpoints';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session-context';
import { flash } from '../../components/flash';

export interface ConflictInfo {
  /** What others changed since the version this person saw, newest last. */
  readonly entries: readonly HistoryEntryDto[];
}

/** One change in a 409 answer (contracts/tickets ConflictChangeDto; read structurally). */
interface ConflictChange {
  readonly field: string;
  readonly from: string | number | boolean | null;
  readonly to: string | number | boolean | null;
  readonly byName: string;
  readonly at: string;
  readonly action: string;
}

/** The API's list of changes since the reader's version (409 conflict), as timeline entries. */
function conflictEntries(raw: unknown): HistoryEntryDto[] | null {
  if (!Array.isArray(raw) || raw.length === 0) return null;
  return (raw as ConflictChange[]).map((c) => ({ at: c.at, byName: c.byName, action: c.action, changes: [{ field: c.field, from: c.from, to: c.to }] }));
}

export type RunOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly message: string; readonly fields: Record<string, string>; readonly conflict: ConflictInfo | null };

/** One ticket as this reader may see it, and its commands run against the version they saw. */
export function useTicket(number: string) {
  const { api } = useSession();
  const [detail, setDetail] = useState<TicketDetailResponse | null>(null);
  const [error, setError] = useState<ApiCallError | Error | null>(null);

  const load = useCallback(async (): Promise<TicketDetailResponse | null> => {
    try {
      const fresh = await getTicket(api, number);
      setDetail(fresh);
      setError(null);
      return fresh;
    } catch (e) {
      setError(e as Error);
      return null;
    }
  }, [api, number]);

  useEffect(() => {
    setDetail(null);
    void load();
  }, [load]);

  const run = useCallback(
    async (action: string, body: Record<string, unknown>, commandKey: string): Promise<RunOutcome> => {
      if (!detail) return { ok: false, message: 'The ticket is not loaded yet.', fields: {}, conflict: null };
      try {
        const answer = await runCommand(api, number, action, body, detail.etag, commandKey);
        if (answer && typeof answer === 'object' && 'ticket' in answer && 'etag' in answer) {
          // A reply to a closed ticket raises a follow-up: open it.
          if (answer.ticket.number !== number) {
            flash.set(`Your reply raised a new ticket, ${answer.ticket.number}, linked to ${number}.`);
            navigate({ name: 'ticket', number: answer.ticket.number });
          } else setDetail(answer);
        } else await load();
        return { ok: true };
      } catch (e) {
        const err = e instanceof ApiCallError ? e : new ApiCallError(0, 'unknown', (e as Error).message);
        const fields: Record<string, string> = {};
        for (const d of err.details) if (d.field && !fields[d.field]) fields[d.field] = d.message;
        if (err.status === 409 || err.status === 412) {
          const seen = detail.history.length;
          const fresh = await load();
          const entries = conflictEntries(err.raw.changes) ?? (fresh ? fresh.history.slice(seen).filter((h) => h.changes.length > 0) : []);
          if (err.code === 'conflict' || err.status === 412 || entries.length > 0) {
            return { ok: false, message: err.message, fields, conflict: { entries } };
          }
        }
        return { ok: false, message: err.message, fields, conflict: null };
      }
    },
    [api, detail, load, number],
  );

  return { detail, error, reload: load, run };
}
