// Small statistics that never return NaN: an empty sample or a zero denominator gives null ("no data").

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** The middle value; for an even count the mean of the two middle values. Expects ascending order. */
export function medianOfSorted(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest rank: the smallest value with at least p % of the sample at or below it. Expects ascending order. */
export function percentileOfSorted(sorted: readonly number[], p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * n));
  return sorted[Math.min(n, rank) - 1]!;
}

export const ratio = (numerator: number, denominator: number): number | null => (denominator > 0 ? numerator / denominator : null);

export const percent = (numerator: number, denominator: number): number | null => (denominator > 0 ? (numerator / denominator) * 100 : null);

export const sortedCopy = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);
