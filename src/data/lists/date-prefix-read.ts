// Reads the items of a list that may be far past SharePoint's list view threshold whose indexed text column holds
// `keyPrefix` followed by an ISO date (YYYY-MM-DD...) in a range. SharePoint judges a filter by its leading clause
// alone, so a range on a date cannot lead: `X ge a and X lt b` is refused when `X ge a` alone matches more than 5,000.
// Each query here leads with startswith(column, keyPrefix + datePrefix); a prefix the list refuses as too wide is
// split by the next character of the date (a decade, a year, a month, ten days, a day) and the pieces are read
// instead, skipping pieces that cannot reach into the range. Later clauses (`also`) narrow what comes back.
import { and, field, type Filter } from '../odata';
import { ThresholdRefusedError } from '../errors';
import { PageCapExceededError, type ListsGateway } from './lists-gateway';
import type { ListItem } from './types';

export interface DatePrefixRange {
  /** An indexed text column. */
  readonly column: string;
  /** What every value starts with before the date ('' when the value is the date). */
  readonly keyPrefix: string;
  /** Inclusive ISO date, or null for no lower bound. */
  readonly fromIso: string | null;
  /** Exclusive ISO date, or null for no upper bound. */
  readonly toIso: string | null;
  /** Clauses after the leading one: they narrow the answer, not the list view threshold's count. */
  readonly also?: readonly Filter[];
}

const DATE_LENGTH = 10;

/** The characters that can follow a date prefix of this length in YYYY-MM-DD. */
function nextCharacters(length: number): string[] {
  return length === 4 || length === 7 ? ['-'] : ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
}

/** Whether some date starting with `prefix` can lie in [fromIso, toIso). */
export function prefixOverlaps(prefix: string, range: Pick<DatePrefixRange, 'fromIso' | 'toIso'>): boolean {
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

export async function readByDatePrefix(
  gateway: ListsGateway,
  listId: string,
  range: DatePrefixRange,
  options: { readonly maxItems: number; readonly select?: readonly string[] },
): Promise<ListItem[]> {
  if (range.fromIso !== null && range.toIso !== null && range.fromIso >= range.toIso) return [];
  const found: ListItem[] = [];
  const split = (datePrefix: string) => Promise.all(nextCharacters(datePrefix.length).map((c) => read(datePrefix + c)));
  const read = async (datePrefix: string): Promise<void> => {
    if (!prefixOverlaps(datePrefix, range)) return;
    const prefix = range.keyPrefix + datePrefix;
    // An empty prefix would match every item: go straight to the pieces.
    if (prefix === '') return void (await split(datePrefix));
    const filter = and(field(range.column).startsWith(prefix), ...(range.also ?? []));
    try {
      const items = await gateway.listAll(listId, { filter, top: 5000, ...(options.select ? { select: [...options.select] } : {}) }, { maxItems: options.maxItems });
      found.push(...items);
      if (found.length > options.maxItems) throw new PageCapExceededError(options.maxItems);
    } catch (error) {
      const tooWide = error instanceof ThresholdRefusedError && error.reason === 'listViewThreshold';
      if (!tooWide || datePrefix.length >= DATE_LENGTH) throw error;
      await split(datePrefix);
    }
  };
  await read(commonPrefix(range.fromIso, range.toIso).slice(0, DATE_LENGTH));
  return found;
}
