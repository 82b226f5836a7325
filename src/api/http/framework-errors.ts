import type { FastifyError } from 'fastify';
import { ApiError } from './api-error';

/** Fastify's own refusals (bad URL, body too large, wrong content type, unreadable JSON) in the API's words. */
export function frameworkError(error: FastifyError | Error, bodyLimitBytes: number): ApiError | null {
  const code = (error as FastifyError).code;
  const status = (error as FastifyError).statusCode;
  switch (code) {
    case 'FST_ERR_BAD_URL':
      return new ApiError(400, 'bad_url', 'The address is not a valid URL (check its percent-encoding).');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new ApiError(414, 'too_long', 'A part of the address is longer than 100 characters (a ticket number has at most 48).');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError(413, 'too_large', `The request body is larger than the ${Math.round(bodyLimitBytes / 1024)} KB limit. Attach large files separately.`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError(415, 'unsupported_media_type', 'Send the body as JSON with the header Content-Type: application/json.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError(400, 'bad_request', 'The body is empty; send a JSON object.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      // Fastify answers broken JSON and a __proto__ key with one message: name both.
      return new ApiError(400, 'bad_request', 'The body is not valid JSON (check its quotes, commas and brackets), or it uses the reserved key __proto__.');
  }
  if (error instanceof SyntaxError || /JSON/.test(error.message)) {
    return new ApiError(400, 'bad_request', `The body is not valid JSON (or uses a reserved key such as __proto__): ${error.message}`);
  }
  if (status !== undefined && status >= 400 && status < 500) return new ApiError(status, 'bad_request', `The request could not be read: ${error.message}`);
  return null;
}

export const BODY_LIMIT_BYTES = 1024 * 1024;
