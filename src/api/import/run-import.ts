// Runs a whole import: a reference pass over the file, reference data ensured, then a ticket pass whose rebuilt
// tickets go to the import command in batches, several batches in flight, with a checkpoint at most once a second.
import { createHash } from 'node:crypto';
import { ThrottledError, UnavailableError } from '../../data/errors';
import type { ListsGateway } from '../../data/lists/lists-gateway';
import { sortedQuirks } from '../../domain/import/quirks';
import { LocalTimeConverter } from '../../domain/import/local-time';
import { HeaderError, ReferencePass, TicketPass, type ImportOptions } from '../../domain/import/session';
import type { ImportReference, RebuiltTicket } from '../../domain/import/types';
import type { Principal } from '../auth/principal';
import type { CheckpointFile} from './checkpoint';
import { DoneMark } from './checkpoint';
import { ensureReferenceCommand, type EnsureReferenceResult, type PeopleDirectory } from './ensure-reference';
import { importTicketsCommand, type ImportOutcome } from './import-command';
import { createGraphImportRepository } from './import-repository';
import type { BadRowSink } from './report';
import { readRecords, sourceIdentity } from './source';

export interface ImportRun {
  readonly file: string;
  readonly options: ImportOptions;
  readonly target: { readonly gateway: ListsGateway; readonly listIds: { readonly tickets: string; readonly supportGroups: string; readonly services: string; readonly categories: string } };
  readonly directory: PeopleDirectory | null;
  readonly principal: Principal;
  readonly checkpoint?: CheckpointFile | null;
  readonly badRows?: BadRowSink | null;
  /** Incidents per lookup and per batch. */
  readonly batchSize?: number;
  /** Writes in flight within one batch. */
  readonly parallel?: number;
  readonly batchesInFlight?: number;
  /** Tries of a batch that the adapter gave up on under throttling, with `batchPauseMs` between. */
  readonly batchTries?: number;
  readonly batchPauseMs?: number;
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Stop handing incidents over after this many (tests of resuming; a kill does the same in real life). */
  readonly stopAfterIncidents?: number;
  readonly now?: () => Date;
}

export interface ImportProgress {
  readonly phase: 'reference' | 'tickets' | 'done';
  readonly rows: number;
  readonly tickets: number;
  readonly elapsedMs: number;
}

export interface ImportSummary {
  readonly rows: number;
  readonly incidents: number;
  readonly tickets: Record<ImportOutcome | 'resumed', number>;
  readonly historyEntries: number;
  readonly reference: EnsureReferenceResult;
  /** The groups, services and people the file refers to, as generated. */
  readonly referenceData: ImportReference;
  readonly quirks: readonly [string, number][];
  readonly badRows: number;
  readonly seconds: number;
  readonly stoppedEarly: boolean;
}

export function optionsKey(options: ImportOptions): string {
  const key = JSON.stringify({ m: options.mapping, z: options.zone, s: options.shiftWeeks ?? 0, c: options.cutoffLocal ?? null });
  return createHash('sha256').update(key).digest('hex').slice(0, 24);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runImport(run: ImportRun): Promise<ImportSummary> {
  const now = run.now ?? (() => new Date());
  const started = Date.now();
  const progress = (phase: ImportProgress['phase'], rows: number, tickets: number) => run.onProgress?.({ phase, rows, tickets, elapsedMs: Date.now() - started });
  let badRows = 0;
  const report = (line: number, number: string | null, reason: string) => {
    badRows += 1;
    run.badRows?.add({ line, number, reason });
  };

  // Pass 1: who and what the tickets refer to, and where each incident's rows end. Both passes share the time cache.
  const clock = new LocalTimeConverter(run.options.zone, run.options.mapping.dateOrder, run.options.shiftWeeks ?? 0);
  let reference: ReferencePass | null = null;
  for await (const { record, line } of readRecords(run.file)) {
    if (!reference) reference = new ReferencePass(record, run.options, clock);
    else reference.push(record, line);
    if (reference.rows % 20_000 === 0) progress('reference', reference.rows, 0);
  }
  if (!reference) throw new HeaderError(['the file is empty']);
  const referenceData = reference.reference();
  const ensured = await ensureReferenceCommand({ gateway: run.target.gateway, lists: run.target.listIds, directory: run.directory }, run.principal, referenceData);

  // Pass 2: tickets, in batches.
  const source = sourceIdentity(run.file);
  const key = optionsKey(run.options);
  const resumeFrom = run.checkpoint?.resumeFrom(source, key) ?? 0;
  const mark = new DoneMark(resumeFrom);
  const tally: Record<ImportOutcome | 'resumed', number> = { created: 0, updated: 0, unchanged: 0, kept: 0, resumed: 0 };
  const repo = createGraphImportRepository(run.target.gateway, run.target.listIds.tickets);
  const size = run.batchSize ?? 60;
  const inFlight = new Set<Promise<void>>();
  let failure: unknown = null;
  let handed = 0;
  let historyEntries = 0;
  let batch: RebuiltTicket[] = [];
  let batchStart = 0;
  let savedAt = 0;

  const writeBatch = async (tickets: RebuiltTicket[], from: number): Promise<void> => {
    for (let attempt = 1; ; attempt++) {
      try {
        const results = await importTicketsCommand({ tickets: repo }, run.principal, tickets, run.parallel ?? 6);
        for (const r of results) tally[r.outcome] += 1;
        break;
      } catch (error) {
        const retryable = error instanceof ThrottledError || error instanceof UnavailableError;
        if (!retryable || attempt >= (run.batchTries ?? 3)) throw error;
        await sleep(run.batchPauseMs ?? 30_000);
      }
    }
    mark.finish(from, tickets.length);
    // At most once a second: a checkpoint a little behind only means a few more lookups after a restart.
    if (Date.now() - savedAt >= 1000) {
      savedAt = Date.now();
      run.checkpoint?.save(source, key, mark.done, now());
    }
  };
  const dispatch = async (): Promise<void> => {
    if (batch.length === 0) return;
    const job = writeBatch(batch, batchStart).catch((error: unknown) => {
      failure ??= error;
    });
    inFlight.add(job);
    void job.finally(() => inFlight.delete(job));
    batch = [];
    while (inFlight.size >= (run.batchesInFlight ?? 3)) await Promise.race(inFlight);
  };

  let pass: TicketPass | null = null;
  let stoppedEarly = false;
  const take = async (tickets: readonly RebuiltTicket[]): Promise<void> => {
    for (const t of tickets) {
      historyEntries += t.ticket.history.length;
      const index = handed++;
      if (index < resumeFrom) {
        tally.resumed += 1;
        continue;
      }
      if (batch.length === 0) batchStart = index;
      batch.push(t);
      if (batch.length >= size) await dispatch();
    }
  };
  for await (const { record, line } of readRecords(run.file, (u) => report(u.line, null, u.reason))) {
    if (!pass) {
      pass = new TicketPass(record, run.options, reference.lastLines(), clock);
      continue;
    }
    const result = pass.push(record, line);
    for (const p of result.problems) report(p.line, p.number, p.reason);
    await take(result.tickets);
    if (failure) break;
    if (run.stopAfterIncidents !== undefined && handed >= run.stopAfterIncidents) {
      stoppedEarly = true;
      break;
    }
    if (pass.rows % 2_000 === 0) progress('tickets', pass.rows, handed);
  }
  if (pass && !stoppedEarly && !failure) {
    const rest = pass.finish();
    for (const p of rest.problems) report(p.line, p.number, p.reason);
    await take(rest.tickets);
  }
  if (!failure) await dispatch();
  await Promise.all(inFlight);
  await run.badRows?.close();
  if (failure || stoppedEarly) run.checkpoint?.save(source, key, mark.done, now());
  if (failure) throw failure;
  if (!stoppedEarly) run.checkpoint?.clear();
  progress('done', pass?.rows ?? 0, handed);
  return {
    rows: pass?.rows ?? 0, incidents: pass?.incidents ?? 0, tickets: tally, historyEntries, reference: ensured, referenceData,
    quirks: sortedQuirks(pass?.quirks ?? new Map()), badRows, seconds: (Date.now() - started) / 1000, stoppedEarly,
  };
}
