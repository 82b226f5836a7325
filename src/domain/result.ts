// Domain rules return results with stable codes rather than throwing, so every layer can map them to clear messages.

export type DomainErrorCode =
  | 'validation'
  /** Text holds a character its field refuses (a control character, a text-direction control); see domain/text.ts. */
  | 'invalid_character'
  | 'transition_not_allowed'
  | 'role_not_allowed'
  | 'not_found'
  | 'conflict'
  /** The ticket's history column would pass its budget; the caller should raise a follow-up instead. */
  | 'history_full';

export interface DomainError {
  readonly code: DomainErrorCode;
  readonly message: string;
  /** The field or path the error is about, when there is one. */
  readonly field?: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly DomainError[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(...errors: DomainError[]): Result<T> => ({ ok: false, errors });
export const invalid = (field: string, message: string): DomainError => ({ code: 'validation', field, message });
