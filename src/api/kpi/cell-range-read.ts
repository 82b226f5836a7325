// Reads the KPI cells of one grain whose PeriodStart lies in a range, on a list that may be far past SharePoint's
// list view threshold. A busy month holds more than 5,000 day cells (March 2016 of the real log: 6,400), so no query
// may lead with Grain or a PeriodStart bound alone. Each query leads with startswith on the indexed CellKey
// ("grain|YYYY-MM-DD|..."); a prefix the list refuses as too wide is split by the next character of the date
// (a year, a month, ten days, one day) and the pieces are read instead. Empty pieces cost one cheap query each.
import { and, field, type Filter } from '../../data/odata';
import { ThresholdRefusedError } from '../../data/errors';
import { PageCapExceededError, type ListsGateway } from '../../data/lists/lists-gateway';
import type { ListItem } from '../../data/lists/types';

export interface CellRange {
  readonly grain: 'day' | 'month';
  /** Inclusive ISO date, or null for no lower bound. */
  readonly fromIso: string | null;
  /** Exclusive ISO date, or null for no upper bound. */
  readonly toIso: string | null;
}

const DATE_LENGTH = 10;

/** The characters that can follow a date prefix of this length in YYYY-MM-DD. */
function nextCharacters(length: number): string[] {
  return length === 4 || length === 7 ? ['-'] : ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
}

/** Whether some date starting with `prefix` can lie in [fromIso, toIso). */
export function prefixOverlaps(prefix: string, range: Pick<CellRange, 'fromIso' | 'toIso'>): boolean {
  if (range.toIso !== null && prefix >= range.toIso) return false;
  if (range.fromIso !== null && prefix < range.fromIso && !range.fromIso.startsWith(prefix)) return false;
  return true;
}

function commonPrefix(a: string | null, b: string | null): string {
  if (a === null || b === null) return '';
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

export async function readCellRange(
  gateway: ListsGateway,
  listId: string,
  range: CellRange,
  options: { readonly maxItems: number; readonly select?: readonly string[] },
): Promise<ListItem[]> {
  if (range.fromIso !== null && range.toIso !== null && range.fromIso >= range.toIso) return [];
  const bounds: Filter[] = [];
  if (range.fromIso !== null) bounds.push(field('PeriodStart').ge(range.fromIso));
  if (range.toIso !== null) bounds.push(field('PeriodStart').lt(range.toIso));
  const found: ListItem[] = [];

  const read = async (datePrefix: string): Promise<void> => {
    if (!prefixOverlaps(datePrefix, range)) return;
    const filter = and(field('CellKey').startsWith(`${range.grain}|${datePrefix}`), ...bounds);
    try {
      const items = await gateway.listAll(listId, { filter, top: 5000, ...(options.select ? { select: [...options.select] } : {}) }, { maxItems: options.maxItems });
      found.push(...items);
      if (found.length > options.maxItems) throw new PageCapExceededError(options.maxItems);
    } catch (error) {
      const tooWide = error instanceof ThresholdRefusedError && error.reason === 'listViewThreshold';
      if (!tooWide || datePrefix.length >= DATE_LENGTH) throw error;
      await Promise.all(nextCharacters(datePrefix.length).map((c) => read(datePrefix + c)));
    }
  };
  await read(commonPrefix(range.fromIso, range.toIso).slice(0, DATE_LENGTH));
  return found;
}
