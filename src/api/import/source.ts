// Reads an export as a stream of CSV records with their line numbers, from a .csv file or the one .csv inside a
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

/** An export that cannot be read at all: what was wrong and with which file (or entry of a .zip). */
export class SourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceError';
  }
}

const isCsvEntry = (name: string): boolean => name.toLowerCase().endsWith('.csv') && !name.startsWith('__MACOSX/') && !name.endsWith('/');

/** The export exists, is a file with something in it, and a .zip holds exactly one .csv; else a SourceError. */
export async function checkSource(path: string): Promise<void> {
  statOf(path);
  if (isZip(path)) (await openZipEntry(path)).close();
}

function statOf(path: string): ReturnType<typeof statSync> {
  let s: ReturnType<typeof statSync>;
  try {
    s = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new SourceError(`The export ${path} does not exist.`);
    throw new SourceError(`The export ${path} cannot be read: ${(error as Error).message}.`);
  }
  if (!s.isFile()) throw new SourceError(`The export ${path} is not a file (a .csv, or a .zip holding one .csv, was expected).`);
  if (s.size === 0) throw new SourceError(`The export ${path} is empty (0 bytes).`);
  return s;
}

const isZip = (path: string): boolean => path.toLowerCase().endsWith('.zip');

async function openZipEntry(path: string): Promise<{ stream: Readable; close: () => void }> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
  } catch (error) {
    throw new SourceError(`The export ${path} is not a .zip archive that can be read (${(error as Error).message.replace(/\.$/, '')}).`);
  }
  try {
    const names: string[] = [];
    const csv: yauzl.Entry[] = [];
    for await (const entry of zip.eachEntry()) {
      names.push(entry.fileName);
      if (isCsvEntry(entry.fileName)) csv.push(entry);
    }
    if (csv.length === 0) throw new SourceError(`The export ${path} holds no .csv file${names.length > 0 ? ` (it holds ${names.join(', ')})` : ''}.`);
    if (csv.length > 1) {
      throw new SourceError(`The export ${path} holds ${csv.length} .csv files (${csv.map((e) => e.fileName).join(', ')}); a .zip must hold exactly one. Unzip the one to import and name it instead.`);
    }
    const stream = await zip.openReadStreamPromise(csv[0]!);
    return { stream, close: () => zip.close() };
  } catch (error) {
    zip.close();
    if (error instanceof SourceError) throw error;
    throw new SourceError(`The export ${path} is not a .zip archive that can be read (${(error as Error).message.replace(/\.$/, '')}).`);
  }
}

/** Every record of the export, header first. Unreadable rows go to `onUnreadable` and the reading goes on. */
export async function* readRecords(path: string, onUnreadable: (row: UnreadableRow) => void = () => undefined): AsyncGenerator<SourceRecord> {
  statOf(path);
  const opened = isZip(path) ? await openZipEntry(path) : { stream: createReadStream(path) as Readable, close: () => undefined };
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
