import { ApiError } from '../api/http/api-error';

/**
 * A value that exists only once the server is listening (the Graph client needs the server's own origin).
 * Routes are registered before listen, so they reach such values through this.
 */
export function late<T>(what: string) {
  let value: T | undefined;
  return {
    set(v: T) {
      value = v;
    },
    get(): T {
      if (value === undefined) throw new ApiError(503, 'starting', `The service is still starting (${what}); try again in a moment.`);
      return value;
    },
  };
}
