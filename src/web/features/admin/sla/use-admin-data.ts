import { useCallback, useEffect, useState } from 'react';

/** Loads what an admin page lists, and loads it again after a change. */
export function useAdminData<T>(load: () => Promise<T>): { data: T | null; error: string | null; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (d) => live && (setData(d), setError(null)),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [load, tick]);
  return { data, error, reload: useCallback(() => setTick((t) => t + 1), []) };
}
