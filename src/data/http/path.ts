// One URL path segment. Site ids look like "host,guid,guid": commas stay readable, as in Graph's own examples.
export function segment(value: string): string {
  return encodeURIComponent(value).replaceAll('%2C', ',');
}
