import { DEFAULT_PRIORITY_MATRIX } from '../../../domain/tickets/priority';

// Two plain questions set impact and urgency; priority follows from the matrix in force and is never typed.

export const IMPACT_OPTIONS = [
  { value: '3', label: 'Just me' },
  { value: '2', label: 'Several people or my team' },
  { value: '1', label: 'A whole department, a site or everyone' },
] as const;

export const URGENCY_OPTIONS = [
  { value: '3', label: 'Not blocked: I can work around it' },
  { value: '2', label: 'Slowed down: some of my work is blocked' },
  { value: '1', label: 'Stopped: I cannot do my work at all' },
] as const;

export const PRIORITY_WORDS: Record<number, string> = { 1: 'critical', 2: 'high', 3: 'moderate', 4: 'low', 5: 'planning' };

/** Priority 1 to 5 for impact and urgency 1 to 3, from the API's matrix when it sends one. */
export function priorityFor(impact: number, urgency: number, matrix?: readonly (readonly number[])[]): number {
  const m = matrix ?? DEFAULT_PRIORITY_MATRIX;
  return m[impact - 1]?.[urgency - 1] ?? DEFAULT_PRIORITY_MATRIX[impact - 1]![urgency - 1]!;
}
