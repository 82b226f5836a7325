import {
  AuthError,
  BadRequestError,
  ConflictError,
  ItemMappingError,
  NotFoundError,
  ThresholdRefusedError,
  ThrottledError,
  UnavailableError,
} from '../../data/errors';
import { ApiError } from './api-error';

/**
 * Turns what the Graph adapter met into an answer for the caller. The store's own wording stays in the log:
 * a person gets what happened and what to do, never an internal path.
 */
export function storageErrorToApiError(error: unknown): { error: ApiError; retryAfterSeconds?: number } | null {
  if (error instanceof ThrottledError) {
    return { error: new ApiError(503, 'busy', 'SharePoint is busy and asked us to slow down. Nothing was changed; try again in a minute.'), retryAfterSeconds: 60 };
  }
  if (error instanceof UnavailableError) {
    return { error: new ApiError(503, 'store_unavailable', 'The ticket store is not answering. Nothing was changed; try again shortly.'), retryAfterSeconds: 30 };
  }
  if (error instanceof ConflictError) {
    return { error: new ApiError(409, 'conflict', 'Someone else changed this ticket at the same time. Reload it and apply your change again.') };
  }
  if (error instanceof NotFoundError) return { error: new ApiError(404, 'not_found', 'That record does not exist (it may have been deleted).') };
  if (error instanceof ThresholdRefusedError) {
    return { error: new ApiError(500, 'query_refused', `The ticket list refused this query because of its size: ${error.reason}. Ask an administrator to check the list's indexes.`) };
  }
  if (error instanceof ItemMappingError) return { error: new ApiError(500, 'bad_record', `A stored record could not be read: ${error.message}`) };
  if (error instanceof AuthError) return { error: new ApiError(500, 'store_access', 'The service is not allowed to reach its SharePoint site. Ask an administrator to check its permissions.') };
  if (error instanceof BadRequestError) return { error: new ApiError(500, 'store_rejected', `The ticket store refused the request: ${error.graphMessage}`) };
  return null;
}
