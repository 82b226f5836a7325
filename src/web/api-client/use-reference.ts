import { useEffect, useState } from 'react';
import type { ReferenceDataResponse } from '../../contracts/api';
import type { ApiClient } from './client';
import { getReference } from './endpoints';

const cache = new WeakMap<ApiClient, Promise<ReferenceDataResponse>>();

/** Groups, services, categories and the priority matrix, read once per signed-in session. */
export function useReference(api: ApiClient): { data: ReferenceDataResponse | null; error: string | null } {
  const [state, setState] = useState<{ data: ReferenceDataResponse | null; error: string | null }>({ data: null, error: null });
  useEffect(() => {
    let live = true;
    let pending = cache.get(api);
    if (!pending) {
      pending = getReference(api);
      cache.set(api, pending);
      pending.catch(() => cache.delete(api));
    }
    pending.then((data) => live && setState({ data, error: null })).catch((e: Error) => live && setState({ data: null, error: e.message }));
    return () => {
      live = false;
    };
  }, [api]);
  return state;
}

export function forgetReference(api: ApiClient): void {
  cache.delete(api);
}
