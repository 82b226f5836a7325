// Seam for date-only columns. A SharePoint site stores a date-only value as midnight in the site's
// time zone (Europe/London for this product), expressed as a UTC instant. That conversion arrives with
// the SLA issue; until then a date-only value is stored as midnight UTC, and this is the one place to change.
export function normalizeDateOnly(value: string): string | undefined {
  const date = /^(\d{4}-\d{2}-\d{2})(T00:00(:00(\.0+)?)?(Z|[+-]00:00))?$/.exec(value);
  if (!date) return undefined;
  return `${date[1]}T00:00:00Z`;
}
