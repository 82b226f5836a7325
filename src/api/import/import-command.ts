// The admin-only import command: writes past-dated tickets with their full history, keyed on the source number.
// Looked up before created; unchanged tickets are not written; a changed source row updates the item with If-Match.
// No HTTP route: scripts and the seed run it in-process with an app identity treated as admin.
import { ConflictError } from '../../data/errors';
import type { FieldValues } from '../../data/mappers/fields';
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

type Decision = { readonly kind: 'create' } | { readonly kind: 'done'; readonly outcome: ImportOutcome } | { readonly kind: 'update'; readonly stored: StoredTicketRecord };

function decide(rebuilt: RebuiltTicket, wanted: FieldValues, stored: StoredTicketRecord | undefined): Decision {
  if (!stored) return { kind: 'create' };
  if (sameFields(storedFields(stored), wanted)) return { kind: 'done', outcome: 'unchanged' };
  if (changedHereSinceImport(stored.ticket.history, rebuilt.ticket.history)) return { kind: 'done', outcome: 'kept' };
  return { kind: 'update', stored };
}

/**
 * Imports a batch of rebuilt tickets: one lookup for the batch, new tickets created together ($batch), changed ones
 * updated with If-Match, `parallel` at a time. Safe to repeat: the source number is the key, and a create or update
 * that raced another run (409, 412) is looked up again and decided again.
 */
export async function importTicketsCommand(
  deps: ImportCommandDeps,
  principal: Principal,
  batch: readonly RebuiltTicket[],
  parallel = 8,
): Promise<TicketImportResult[]> {
  requireImportRights(principal);
  const existing = await deps.tickets.findByNumbers(batch.map((b) => b.ticket.number));
  const wanted = batch.map(importFields);
  const outcomes = new Array<ImportOutcome>(batch.length);
  const retry: number[] = [];
  const decisions = batch.map((rebuilt, i) => decide(rebuilt, wanted[i]!, existing.get(rebuilt.ticket.number)));
  const creates = decisions.flatMap((d, i) => (d.kind === 'create' ? [i] : []));
  const created = creates.length > 0 ? await deps.tickets.createMany(creates.map((i) => wanted[i]!)) : [];
  created.forEach((r, k) => {
    const i = creates[k]!;
    if (r.ok) outcomes[i] = 'created';
    else if (r.error instanceof ConflictError) retry.push(i); // created meanwhile by another run
    else throw r.error;
  });
  const updates = decisions.flatMap((d, i) => (d.kind === 'update' ? [{ i, stored: d.stored }] : []));
  decisions.forEach((d, i) => {
    if (d.kind === 'done') outcomes[i] = d.outcome;
  });
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < updates.length) {
      const { i, stored } = updates[next++]!;
      outcomes[i] = await settle(deps, batch[i]!, wanted[i]!, stored);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, updates.length) }, worker));
  for (const i of retry) outcomes[i] = await settle(deps, batch[i]!, wanted[i]!, undefined);
  return batch.map((rebuilt, i) => ({ number: rebuilt.ticket.number, outcome: outcomes[i]!, historyEntries: rebuilt.ticket.history.length }));
}

/** Writes one ticket whatever happened meanwhile: looked up again after a conflict, up to CONFLICT_TRIES times. */
async function settle(deps: ImportCommandDeps, rebuilt: RebuiltTicket, wanted: FieldValues, found: StoredTicketRecord | undefined): Promise<ImportOutcome> {
  let stored = found ?? (await deps.tickets.findByNumbers([rebuilt.ticket.number])).get(rebuilt.ticket.number);
  for (let attempt = 1; ; attempt++) {
    const d = decide(rebuilt, wanted, stored);
    try {
      if (d.kind === 'done') return d.outcome;
      if (d.kind === 'create') {
        const [r] = await deps.tickets.createMany([wanted]);
        if (r && !r.ok) throw r.error;
        return 'created';
      }
      await deps.tickets.update(d.stored.itemId, d.stored.etag, wanted);
      return 'updated';
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= CONFLICT_TRIES) throw error;
      stored = (await deps.tickets.findByNumbers([rebuilt.ticket.number])).get(rebuilt.ticket.number);
    }
  }
}
