import type { DomainError } from '../../domain/result';

/** An error the API answers with: a status, a stable code and a message a person can act on. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: readonly { field?: string; message: string }[],
    /** More members of the error body, for answers that carry data (a conflict's changes and current version). */
    readonly extra?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const STATUS_BY_DOMAIN_CODE: Record<DomainError['code'], number> = {
  validation: 400,
  invalid_character: 400,
  transition_not_allowed: 409,
  role_not_allowed: 403,
  not_found: 404,
  conflict: 409,
  history_full: 409,
};

export function fromDomainErrors(errors: readonly DomainError[]): ApiError {
  const first = errors[0];
  const status = first ? STATUS_BY_DOMAIN_CODE[first.code] : 400;
  const message = errors.length === 1 && first ? first.message : `${errors.length} problems: ${errors.map((e) => e.message).join(' ')}`;
  return new ApiError(status, first?.code ?? 'validation', message, errors.map((e) => ({ ...(e.field ? { field: e.field } : {}), message: e.message })));
}

export const forbidden = (message: string) => new ApiError(403, 'forbidden', message);
export const notFound = (message: string) => new ApiError(404, 'not_found', message);
export const badRequest = (message: string, field?: string) =>
  new ApiError(400, 'validation', message, [{ ...(field ? { field } : {}), message }]);
