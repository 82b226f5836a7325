import { useEffect, useState } from 'react';
import type { PageResponse, TicketSummaryDto } from '../../../contracts/api';

export interface FullQueue {
  readonly items: readonly TicketSummaryDto[];
  /** True when every page has arrived: sorting and filters then cover the whole queue. */
  readonly complete: boolean;
  readonly error: string | null;
  readonly firstPageShown: boolean;
}

const FIRST_PAGE = 50;
const NEXT_PAGES = 200;

/**
 * Shows the first 50 rows at once, then follows the API's cursors until the queue is complete, so sorting and
 * filtering work on the whole queue (past 5,000 items) and nothing is silently cut.
 */
export function useFullQueue(fetchPage: (cursor: string | null, pageSize: number) => Promise<PageResponse<TicketSummaryDto>>, reloadKey: number): FullQueue {
  const [state, setState] = useState<FullQueue>({ items: [], complete: false, error: null, firstPageShown: false });
  useEffect(() => {
    let live = true;
    setState({ items: [], complete: false, error: null, firstPageShown: false });
    (async () => {
      let cursor: string | null = null;
      let first = true;
      do {
        const page: PageResponse<TicketSummaryDto> = await fetchPage(cursor, first ? FIRST_PAGE : NEXT_PAGES);
        if (!live) return;
        cursor = page.nextCursor;
        const done = cursor === null;
        const isFirst = first;
        setState((s) => {
          if (isFirst) return { items: page.items, complete: done, error: null, firstPageShown: true };
          // A ticket that moved between pages while we read must not show twice.
          const seen = new Set(s.items.map((t) => t.number));
          return { items: [...s.items, ...page.items.filter((t) => !seen.has(t.number))], complete: done, error: null, firstPageShown: true };
        });
        first = false;
      } while (cursor && live);
    })().catch((e: Error) => live && setState((s) => ({ ...s, error: e.message })));
    return () => {
      live = false;
    };
  }, [fetchPage, reloadKey]);
  return state;
}
