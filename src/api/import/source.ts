// Reads an export as a stream of CSV records with their line numbers, from a .csv file or the first .csv inside a
// .zip, without holding the file in memory. csv-parse and yauzl do the parsing and unzipping (decision 0051).
import { createReadStream, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import yauzl from 'yauzl';

export interface SourceRecord {
  readonly record: string[];
  /** The line the record ends on (the header is line 1). */
  readonly line: number;
}

/** A row the CSV reader could not split into fields (an unclosed quote): reported, then skipped. */
export interface UnreadableRow {
  readonly line: number;
  readonly reason: string;
}

export interface SourceIdentity {
  readonly path: string;
  readonly bytes: number;
  readonly modifiedMs: number;
}

export function sourceIdentity(path: string): SourceIdentity {
  const s = statSync(path);
  return { path, bytes: s.size, modifiedMs: Math.round(s.mtimeMs) };
}

async function openZipEntry(path: string): Promise<{ stream: Readable; close: () => void }> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.toLowerCase().endsWith('.csv') && !entry.fileName.startsWith('__MACOSX/')) {
        const stream = await zip.openReadStreamPromise(entry);
        return { stream, close: () => zip.close() };
      }
    }
  } catch (error) {
    zip.close();
    throw error;
  }
  zip.close();
  throw new Error(`${path} holds no .csv file.`);
}

/** Every record of the export, header first. Unreadable rows go to `onUnreadable` and the reading goes on. */
export async function* readRecords(path: string, onUnreadable: (row: UnreadableRow) => void = () => undefined): AsyncGenerator<SourceRecord> {
  const zipped = path.toLowerCase().endsWith('.zip');
  const opened = zipped ? await openZipEntry(path) : { stream: createReadStream(path) as Readable, close: () => undefined };
  const parser = parse({
    info: true,
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error: CsvError | undefined) => {
      onUnreadable({ line: (error as { lines?: number } | undefined)?.lines ?? 0, reason: `cannot be read as CSV (${error?.message ?? 'unknown error'})` });
      return undefined;
    },
  });
  opened.stream.on('error', (error) => parser.destroy(error));
  opened.stream.pipe(parser);
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { record: item.record, line: item.info.lines };
    }
  } finally {
    opened.stream.destroy();
    opened.close();
  }
}
