// A GET started before the app has rendered (for the page a deep link opens), handed to the first caller that asks
// for the same path. Used once; any failure falls back to an ordinary call.

const started = new Map<string, Promise<Response>>();

export function prefetchGet(path: string, token: string | null): void {
  if (!token || started.has(path)) return;
  started.set(path, fetch(path, { headers: { accept: 'application/json', authorization: `Bearer ${token}` } }));
}

export function takePrefetched(path: string): Promise<Response> | undefined {
  const pending = started.get(path);
  started.delete(path);
  return pending;
}
