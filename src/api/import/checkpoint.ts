// Where an interrupted import picks up: the number of incidents (in the order the file hands them over) that are
// written, for one source file and one set of options. Written atomically (temp file, then rename), so a kill
// leaves the old or the new checkpoint, never half of one. Resuming is only a saving: every write is keyed anyway.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { SourceIdentity } from './source';

export interface Checkpoint {
  readonly source: SourceIdentity;
  /** What else decides the tickets (mapping, zone, shift, cut-off): another set starts from the beginning. */
  readonly optionsKey: string;
  readonly incidentsDone: number;
  readonly savedAt: string;
}

export class CheckpointFile {
  constructor(readonly path: string) {}

  /** Incidents already written by an earlier run of the same file and options, else 0. */
  resumeFrom(source: SourceIdentity, optionsKey: string): number {
    if (!existsSync(this.path)) return 0;
    try {
      const saved = JSON.parse(readFileSync(this.path, 'utf8')) as Partial<Checkpoint>;
      const same = saved.optionsKey === optionsKey && saved.source?.bytes === source.bytes && saved.source.modifiedMs === source.modifiedMs;
      return same && Number.isInteger(saved.incidentsDone) ? (saved.incidentsDone as number) : 0;
    } catch {
      return 0; // unreadable: start again; the keyed writes make that safe
    }
  }

  save(source: SourceIdentity, optionsKey: string, incidentsDone: number, now: Date): void {
    const body: Checkpoint = { source, optionsKey, incidentsDone, savedAt: now.toISOString() };
    const temp = `${this.path}.tmp`;
    writeFileSync(temp, `${JSON.stringify(body, null, 2)}\n`);
    renameSync(temp, this.path);
  }

  clear(): void {
    rmSync(this.path, { force: true });
  }
}

/**
 * Tracks which incidents, numbered in hand-over order, are written; `done` is the count below which all are, so a
 * checkpoint never claims an incident whose batch is still in flight.
 */
export class DoneMark {
  private readonly finished = new Set<number>();
  done: number;

  constructor(start: number) {
    this.done = start;
  }

  finish(from: number, count: number): void {
    for (let i = from; i < from + count; i++) this.finished.add(i);
    while (this.finished.has(this.done)) this.finished.delete(this.done++);
  }
}
