// Header helpers that ignore letter case whatever shape the headers come in (fetch Headers, plain records, tuples).

export type HeadersLike = Headers | Record<string, string | readonly string[] | undefined> | readonly (readonly [string, string])[];

/** The value of a header, looked up without regard to the letter case of its name. */
export function headerValue(headers: HeadersLike | undefined, name: string): string | undefined {
  if (headers === undefined) return undefined;
  const wanted = name.toLowerCase();
  if (typeof (headers as Headers).get === 'function' && typeof (headers as Headers).forEach === 'function') {
    // Headers.get already ignores case; forEach covers fakes whose get does not.
    const direct = (headers as Headers).get(name);
    if (direct !== null) return direct;
    let found: string | undefined;
    (headers as Headers).forEach((value, key) => {
      if (found === undefined && key.toLowerCase() === wanted) found = value;
    });
    return found;
  }
  const entries: Iterable<readonly [string, unknown]> = Array.isArray(headers)
    ? (headers as readonly (readonly [string, string])[])
    : Object.entries(headers as Record<string, unknown>);
  for (const [key, value] of entries) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return Array.isArray(value) ? value.join(', ') : String(value);
  }
  return undefined;
}

/** Sets a header on fetch options in place, replacing any value under another letter case. */
export function setHeader(options: { headers?: HeadersInit | undefined }, name: string, value: string): void {
  const current = options.headers;
  if (current instanceof Headers) {
    current.set(name, value);
    return;
  }
  if (Array.isArray(current)) {
    const kept = current.filter(([key]) => String(key).toLowerCase() !== name.toLowerCase());
    options.headers = [...kept, [name, value]];
    return;
  }
  const record: Record<string, string> = { ...(current as Record<string, string> | undefined) };
  for (const key of Object.keys(record)) {
    if (key.toLowerCase() === name.toLowerCase()) delete record[key];
  }
  record[name] = value;
  options.headers = record;
}
