import type { PriorityMatrix } from '../../domain/tickets/priority';
import { DEFAULT_PRIORITY_MATRIX, validatePriorityMatrix } from '../../domain/tickets/priority';
import { ApiError } from '../http/api-error';
import type { KeyedStore } from './keyed-list';
import type { ConfigurationRecord } from '../../data/mappers/configuration';

export const PRIORITY_MATRIX_KEY = 'priority-matrix';

export interface PriorityMatrixSource {
  /** The matrix in force: the stored one, or the default 3x3 until an admin saves one. */
  get(): Promise<PriorityMatrix>;
  invalidate(): void;
}

/** Reads the matrix from the Configuration list, kept for `ttlMs`; a stored matrix that fails validation is an error. */
export function priorityMatrixSource(settings: KeyedStore<ConfigurationRecord>, ttlMs: number, now: () => number): PriorityMatrixSource {
  let slot: { at: number; value: Promise<PriorityMatrix> } | null = null;
  async function load(): Promise<PriorityMatrix> {
    const stored = await settings.get(PRIORITY_MATRIX_KEY);
    if (!stored) return DEFAULT_PRIORITY_MATRIX;
    const problems = validatePriorityMatrix(stored.record.value);
    if (problems.length > 0) throw new ApiError(500, 'bad_config', `The stored priority matrix is not valid (${problems.join(' ')}). An admin must save it again.`);
    return stored.record.value as PriorityMatrix;
  }
  return {
    get() {
      if (!slot || now() - slot.at > ttlMs) {
        const value = load();
        slot = { at: now(), value };
        value.catch(() => (slot = null));
      }
      return slot.value;
    },
    invalidate: () => {
      slot = null;
    },
  };
}
