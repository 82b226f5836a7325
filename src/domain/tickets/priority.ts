import type { Impact, Priority, Urgency } from './types';

/**
 * Impact x urgency -> priority, as editable data. Rows are impact 1 (high) to 3 (low), columns urgency 1 to 3.
 * The default is the common ITIL 3x3 table.
 */
export type PriorityMatrix = readonly [
  readonly [Priority, Priority, Priority],
  readonly [Priority, Priority, Priority],
  readonly [Priority, Priority, Priority],
];

export const DEFAULT_PRIORITY_MATRIX: PriorityMatrix = [
  [1, 2, 3],
  [2, 3, 4],
  [3, 4, 5],
];

export function derivePriority(matrix: PriorityMatrix, impact: Impact, urgency: Urgency): Priority {
  const row = matrix[impact - 1] as readonly [Priority, Priority, Priority];
  return row[urgency - 1] as Priority;
}

export const isImpact = (v: unknown): v is Impact => v === 1 || v === 2 || v === 3;
export const isUrgency = isImpact as (v: unknown) => v is Urgency;
export const isPriority = (v: unknown): v is Priority => v === 1 || v === 2 || v === 3 || v === 4 || v === 5;

/** A matrix is valid when every cell is a priority and priority never improves as impact or urgency falls. */
export function validatePriorityMatrix(cells: unknown): string[] {
  const problems: string[] = [];
  if (!Array.isArray(cells) || cells.length !== 3) return ['The matrix must have 3 rows (impact 1 to 3).'];
  cells.forEach((row: unknown, i) => {
    if (!Array.isArray(row) || row.length !== 3) {
      problems.push(`Row ${i + 1} must have 3 cells (urgency 1 to 3).`);
      return;
    }
    row.forEach((cell: unknown, j) => {
      if (!isPriority(cell)) problems.push(`Impact ${i + 1}, urgency ${j + 1}: ${String(cell)} is not a priority from 1 to 5.`);
    });
  });
  if (problems.length > 0) return problems;
  const m = cells as number[][];
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      const here = m[i]![j]!;
      if (i > 0 && here < m[i - 1]![j]!) problems.push(`Impact ${i + 1}, urgency ${j + 1} is more urgent than the higher impact above it.`);
      if (j > 0 && here < m[i]![j - 1]!) problems.push(`Impact ${i + 1}, urgency ${j + 1} is more urgent than the higher urgency beside it.`);
    }
  }
  return problems;
}
