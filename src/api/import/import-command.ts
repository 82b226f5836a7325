// The admin-only import command: writes past-dated tickets with their full history, keyed on the source number.
// Looked up before created; unchanged tickets are not written; a changed source row updates the item with If-Match.
// No HTTP route: scripts and the seed run it in-process with an app identity treated as admin.
import { ConflictError } from '../../data/errors';
import type { StoredTicketRecord } from '../../data/mappers/tickets';
import type { RebuiltTicket } from '../../domain/import/types';
import type { Principal } from '../auth/principal';
import { hasRole } from '../auth/principal';
import { forbidden } from '../http/api-error';
import { changedHereSinceImport, sameFields, storedFields } from './compare';
import { importFields, type ImportTicketRepository } from './import-repository';

export type ImportOutcome = 'created' | 'updated' | 'unchanged' | 'kept';

export interface TicketImportResult {
  readonly number: string;
  readonly outcome: ImportOutcome;
  readonly historyEntries: number;
}

export interface ImportCommandDeps {
  readonly tickets: ImportTicketRepository;
}

/** Imports are an administrator's job: they write history in other people's names. */
export function requireImportRights(principal: Principal): void {
  if (!hasRole(principal, 'Admin')) throw forbidden('Only administrators can import tickets from another tool.');
}

const CONFLICT_TRIES = 3;

/**
 * Imports a batch of rebuilt tickets (one lookup for the batch, then one write per new or changed ticket, `parallel`
 * at a time). Safe to repeat: the source number is the key, and a create that raced another run is looked up again.
 */
export async function importTicketsCommand(
  deps: ImportCommandDeps,
  principal: Principal,
  batch: readonly RebuiltTicket[],
  parallel = 8,
): Promise<TicketImportResult[]> {
  requireImportRights(principal);
  const existing = await deps.tickets.findByNumbers(batch.map((b) => b.ticket.number));
  const results = new Array<TicketImportResult>(batch.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < batch.length) {
      const index = next++;
      const rebuilt = batch[index]!;
      results[index] = { number: rebuilt.ticket.number, outcome: await importOne(deps, rebuilt, existing.get(rebuilt.ticket.number)), historyEntries: rebuilt.ticket.history.length };
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, batch.length) }, worker));
  return results;
}

async function importOne(deps: ImportCommandDeps, rebuilt: RebuiltTicket, found: StoredTicketRecord | undefined): Promise<ImportOutcome> {
  const wanted = importFields(rebuilt);
  let stored = found;
  for (let attempt = 1; ; attempt++) {
    try {
      if (!stored) {
        await deps.tickets.create(wanted);
        return 'created';
      }
      if (sameFields(storedFields(stored), wanted)) return 'unchanged';
      if (changedHereSinceImport(stored.ticket.history, rebuilt.ticket.history)) return 'kept';
      await deps.tickets.update(stored.itemId, stored.etag, wanted);
      return 'updated';
    } catch (error) {
      // 409: another run created it meanwhile; 412: it changed since we read it. Read it again and decide again.
      if (!(error instanceof ConflictError) || attempt >= CONFLICT_TRIES) throw error;
      stored = (await deps.tickets.findByNumbers([rebuilt.ticket.number])).get(rebuilt.ticket.number);
    }
  }
}
