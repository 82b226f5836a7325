import { useCallback, useEffect, useRef, useState } from 'react';
import type { PageResponse } from '../../contracts/api';

export interface Paged<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
  readonly loading: boolean;
  readonly error: string | null;
  /** True once the first page arrived. */
  readonly loaded: boolean;
  loadMore(): void;
  reload(): void;
}

/** Pages through an API list; "more" is always explicit, never a silent cut. */
export function usePaged<T>(fetchPage: (cursor: string | null) => Promise<PageResponse<T>>): Paged<T> {
  const [state, setState] = useState<{ items: readonly T[]; nextCursor: string | null; loading: boolean; error: string | null; loaded: boolean }>({
    items: [],
    nextCursor: null,
    loading: true,
    error: null,
    loaded: false,
  });
  const generation = useRef(0);

  const load = useCallback(
    (cursor: string | null) => {
      const gen = ++generation.current;
      setState((s) => ({ ...s, loading: true, error: null, ...(cursor ? {} : { items: [], loaded: false }) }));
      fetchPage(cursor)
        .then((page) => {
          if (gen !== generation.current) return;
          setState((s) => ({ items: cursor ? [...s.items, ...page.items] : page.items, nextCursor: page.nextCursor, loading: false, error: null, loaded: true }));
        })
        .catch((e: Error) => {
          if (gen !== generation.current) return;
          setState((s) => ({ ...s, loading: false, error: e.message }));
        });
    },
    [fetchPage],
  );

  useEffect(() => load(null), [load]);
  return { ...state, loadMore: () => state.nextCursor && load(state.nextCursor), reload: () => load(null) };
}
