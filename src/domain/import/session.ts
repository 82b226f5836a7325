// The import as two streaming passes over the export's records (header, then rows with their line numbers):
// a reference pass (people, groups, services, last line per incident) and a ticket pass that hands over each
// incident's rebuilt ticket as soon as its last row has been read. Nothing here reads files or clocks.
import { LocalTimeConverter } from './local-time';
import type { ImportMapping } from './mapping';
import { indexHeader, isProblem, RowParser, type ReferenceFields } from './parse-row';
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

/** What the reference pass keeps of one incident: the references of its accepted rows, and what decides its cut-off. */
interface IncidentRefs {
  readonly rows: ReferenceFields[];
  /** openedAt of the row that comes first (lowest modCount, then line): the incident's opening, as rebuild sees it. */
  firstModCount: number;
  firstLine: number;
  firstOpenedAt: string;
}

/**
 * The first pass: the last line of every incident (from every row with a usable number, good or bad), and the people,
 * groups and services the import will write. Rows are parsed exactly as the ticket pass parses them, and reference
 * data comes only from rows it accepts, of incidents it will hand over: an incident with no accepted row, one opened
 * after the cut-off, and rows after the cut-off name nobody (decision 0410). Repeated names are kept once, so holding
 * an incident's references until the end costs little.
 */
export class ReferencePass {
  private readonly parser: RowParser;
  private readonly columns: number;
  private readonly cutoff: string | null;
  private readonly collector = new ReferenceCollector();
  private readonly incidents = new Map<string, IncidentRefs>();
  private readonly names = new Map<string, string>();
  private collected = false;
  rows = 0;

  constructor(header: readonly string[], options: ImportOptions, clock = new LocalTimeConverter(options.zone, options.mapping.dateOrder, options.shiftWeeks ?? 0)) {
    this.parser = parserFor(header, options, clock);
    this.columns = header.length;
    this.cutoff = cutoffOf(options, clock);
  }

  push(record: readonly string[], line: number): void {
    this.rows += 1;
    const number = this.parser.numberOf(record);
    if (number === null) return;
    this.collector.noteLine(number, line);
    const row = this.parser.parse(record, line, this.columns);
    if (isProblem(row)) return; // the ticket pass reports it; nothing of it is kept
    let incident = this.incidents.get(row.number);
    if (!incident) this.incidents.set(row.number, (incident = { rows: [], firstModCount: row.modCount, firstLine: line, firstOpenedAt: row.openedAt }));
    else if (row.modCount < incident.firstModCount || (row.modCount === incident.firstModCount && line < incident.firstLine)) {
      incident.firstModCount = row.modCount;
      incident.firstLine = line;
      incident.firstOpenedAt = row.openedAt;
    }
    if (this.cutoff !== null && row.updatedAt > this.cutoff) return; // left out of the ticket too
    incident.rows.push({
      caller: this.name(row.caller), openedBy: this.name(row.openedBy), createdBy: this.name(row.createdBy), updatedBy: this.name(row.updatedBy),
      resolvedBy: this.name(row.resolvedBy), assignee: this.name(row.assignee), group: this.name(row.group), category: this.name(row.category),
      subcategory: this.name(row.subcategory),
    });
  }

  reference(): ImportReference {
    if (!this.collected) {
      this.collected = true;
      for (const incident of this.incidents.values()) {
        if (this.cutoff !== null && incident.firstOpenedAt > this.cutoff) continue;
        for (const refs of incident.rows) this.collector.add(refs);
      }
      this.incidents.clear();
    }
    return this.collector.reference();
  }

  lastLines(): ReadonlyMap<string, number> {
    return this.collector.lastLines();
  }

  private name(value: string | null): string | null {
    if (value === null) return null;
    const known = this.names.get(value);
    if (known !== undefined) return known;
    this.names.set(value, value);
    return value;
  }
}

function cutoffOf(options: ImportOptions, clock: LocalTimeConverter): string | null {
  const cut = options.cutoffLocal ? clock.convert(options.cutoffLocal) : null;
  if (options.cutoffLocal && !cut) throw new HeaderError([`the cut-off "${options.cutoffLocal}" is not a date and time in the export's format`]);
  return cut?.iso ?? null;
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
    this.cutoff = cutoffOf(options, clock);
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
