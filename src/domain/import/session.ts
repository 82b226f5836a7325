// The import as two streaming passes over the export's records (header, then rows with their line numbers):
// a reference pass (people, groups, services, last line per incident) and a ticket pass that hands over each
// incident's rebuilt ticket as soon as its last row has been read. Nothing here reads files or clocks.
import { LocalTimeConverter } from './local-time';
import type { ImportMapping } from './mapping';
import { indexHeader, isProblem, RowParser } from './parse-row';
import { QUIRK, countQuirk } from './quirks';
import { rebuildIncident } from './rebuild';
import { ReferenceCollector } from './reference';
import type { ImportReference, QuirkCounts, RebuiltTicket, RowProblem, SourceEvent } from './types';

export interface ImportOptions {
  readonly mapping: ImportMapping;
  /** IANA zone the export's local times are in. */
  readonly zone: string;
  /** Whole weeks of local wall-clock time to move every time by (the demo data); 0 for a real import. */
  readonly shiftWeeks?: number;
  /** A local time in the export's own format and zone (before any shift): later rows are left out. */
  readonly cutoffLocal?: string | null;
}

export class HeaderError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The file does not fit the mapping: ${problems.join('; ')}.`);
    this.name = 'HeaderError';
  }
}

function parserFor(header: readonly string[], options: ImportOptions, clock: LocalTimeConverter): RowParser {
  const indexed = indexHeader(header, options.mapping);
  if (!indexed.ok) throw new HeaderError(indexed.problems);
  return new RowParser(options.mapping, indexed.index, clock);
}

export class ReferencePass {
  private readonly parser: RowParser;
  private readonly collector = new ReferenceCollector();
  rows = 0;

  constructor(header: readonly string[], options: ImportOptions, clock = new LocalTimeConverter(options.zone, options.mapping.dateOrder, options.shiftWeeks ?? 0)) {
    this.parser = parserFor(header, options, clock);
  }

  push(record: readonly string[], line: number): void {
    this.rows += 1;
    const number = this.parser.numberOf(record);
    if (number === null) return;
    this.collector.noteLine(number, line);
    this.collector.add(this.parser.refs(record));
  }

  reference(): ImportReference {
    return this.collector.reference();
  }

  lastLines(): ReadonlyMap<string, number> {
    return this.collector.lastLines();
  }
}

export interface PushResult {
  readonly tickets: readonly RebuiltTicket[];
  readonly problems: readonly RowProblem[];
}

export class TicketPass {
  private readonly parser: RowParser;
  private readonly columns: number;
  private readonly pending = new Map<string, SourceEvent[]>();
  private readonly cutoff: string | null;
  readonly quirks: QuirkCounts = new Map();
  rows = 0;
  incidents = 0;

  constructor(
    header: readonly string[],
    private readonly options: ImportOptions,
    private readonly lastLines: ReadonlyMap<string, number>,
    clock = new LocalTimeConverter(options.zone, options.mapping.dateOrder, options.shiftWeeks ?? 0),
  ) {
    this.parser = parserFor(header, options, clock);
    this.columns = header.length;
    const cut = options.cutoffLocal ? clock.convert(options.cutoffLocal) : null;
    if (options.cutoffLocal && !cut) throw new HeaderError([`the cut-off "${options.cutoffLocal}" is not a date and time in the export's format`]);
    this.cutoff = cut?.iso ?? null;
  }

  push(record: readonly string[], line: number): PushResult {
    this.rows += 1;
    const row = this.parser.parse(record, line, this.columns);
    const problems: RowProblem[] = [];
    if (isProblem(row)) {
      problems.push(row);
      countQuirk(this.quirks, QUIRK.badRow);
    } else {
      const list = this.pending.get(row.number);
      if (list) list.push(row);
      else this.pending.set(row.number, [row]);
    }
    const number = isProblem(row) ? this.parser.numberOf(record) : row.number;
    if (number === null || this.lastLines.get(number) !== line) return { tickets: [], problems };
    return { tickets: this.complete(number, problems), problems };
  }

  /** Incidents still waiting (their last line was never reached: a file that changed between the passes). */
  finish(): PushResult {
    const problems: RowProblem[] = [];
    const tickets = [...this.pending.keys()].flatMap((n) => this.complete(n, problems));
    return { tickets, problems };
  }

  private complete(number: string, problems: RowProblem[]): RebuiltTicket[] {
    const events = this.pending.get(number);
    this.pending.delete(number);
    if (!events || events.length === 0) return [];
    this.incidents += 1;
    const result = rebuildIncident(events, { mapping: this.options.mapping, cutoff: this.cutoff }, this.quirks);
    if (result.ok) return [result.rebuilt];
    if (result.reason === QUIRK.historyTooLong) problems.push({ line: events[events.length - 1]!.line, number, reason: result.reason });
    return [];
  }
}
