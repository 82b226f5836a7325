// Turns a Graph error answer into the adapter's typed errors. Graph's shape is {error:{code,message,innerError}};
// SharePoint REST sometimes nests the message as {lang,value}, so both are read.
import {
  AuthError,
  BadRequestError,
  ConflictError,
  GraphRequestError,
  NotFoundError,
  ThresholdRefusedError,
  ThrottledError,
  UnavailableError,
  type GraphErrorDetails,
  type RetryOutcome,
  type ThresholdReason,
} from '../errors';
import { headerValue, type HeadersLike } from './headers';

export interface ParsedGraphError {
  readonly code: string;
  readonly message: string;
  readonly requestId?: string | undefined;
  /** innerError.code, Graph's more specific code when it gives one. */
  readonly innerCode?: string | undefined;
}

export function parseGraphErrorBody(text: string, status: number): ParsedGraphError {
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    return { code: `http${status}`, message: text.slice(0, 300) || `HTTP ${status}` };
  }
  const record = asRecord(body);
  const error = asRecord(record?.['error'] ?? record?.['odata.error']);
  if (!error) return { code: `http${status}`, message: text.slice(0, 300) || `HTTP ${status}` };
  const rawMessage = error['message'];
  const message = typeof rawMessage === 'string' ? rawMessage : String(asRecord(rawMessage)?.['value'] ?? `HTTP ${status}`);
  const inner = asRecord(error['innerError'] ?? error['innererror']);
  const requestId = inner?.['request-id'] ?? inner?.['requestId'];
  const innerCode = inner?.['code'];
  return {
    code: typeof error['code'] === 'string' ? error['code'] : `http${status}`,
    message,
    requestId: typeof requestId === 'string' ? requestId : undefined,
    ...(typeof innerCode === 'string' ? { innerCode } : {}),
  };
}

// SharePoint's wording for a list view threshold refusal, and its "not indexed" refusal on small lists.
const THRESHOLD_SIGNS = [/SPQueryThrottledException/i, /-2147024860/, /list view threshold/i, /listViewThreshold/i];
const NOT_INDEXED_SIGNS = [/is not indexed/i, /HonorNonIndexedQueriesWarningMayFailRandomly/i];

/** Whether an error answer is the list refusing the query's shape (never worth retrying). */
export function thresholdReason(status: number, parsed: ParsedGraphError): ThresholdReason | null {
  if (status < 400) return null;
  const text = `${parsed.code} ${parsed.innerCode ?? ''} ${parsed.message}`;
  if (THRESHOLD_SIGNS.some((re) => re.test(text))) return 'listViewThreshold';
  if (NOT_INDEXED_SIGNS.some((re) => re.test(text))) return 'notIndexed';
  return null;
}

export interface ErrorContext {
  readonly method: string;
  readonly path: string;
  readonly outcome: RetryOutcome;
  /** True when the request carried a $filter or $orderby: an endless 429 may then be a disguised threshold refusal. */
  readonly shaped?: boolean;
}

export function errorFromResponse(status: number, bodyText: string, headers: HeadersLike, ctx: ErrorContext): GraphRequestError {
  const parsed = parseGraphErrorBody(bodyText, status);
  const details: GraphErrorDetails = {
    status,
    code: parsed.code,
    message: parsed.message,
    requestId: parsed.requestId ?? headerValue(headers, 'request-id') ?? headerValue(headers, 'client-request-id'),
    method: ctx.method,
    path: ctx.path,
  };
  const reason = thresholdReason(status, parsed);
  if (reason) return new ThresholdRefusedError(details, reason);
  switch (status) {
    case 400:
      return new BadRequestError(details);
    case 401:
    case 403:
      return new AuthError(details);
    case 404:
      return new NotFoundError(details);
    case 409:
    case 412:
      return new ConflictError(details);
    case 429:
      return new ThrottledError(details, ctx.outcome, ctx.shaped ? DISGUISED_THRESHOLD_HINT : '');
    case 502:
    case 503:
    case 504:
      return new UnavailableError(details, ctx.outcome);
    default:
      return new GraphRequestError(details);
  }
}

// Graph has been seen answering a threshold refusal with a bare 429 (msgraph-sdk-dotnet issues 827, 703).
const DISGUISED_THRESHOLD_HINT =
  ' The request filtered or ordered a list: if the list holds more than 5,000 items, Graph may be refusing the query shape' +
  ' (list view threshold) with a 429 rather than shedding load; check that the filter leads with an indexed column that narrows below 5,000.';

/** A request that got no answer at all (connection refused or dropped, timeout) after the retry bound. */
export function networkError(cause: unknown, ctx: ErrorContext): UnavailableError {
  const message = describeCause(cause);
  const error = new UnavailableError({ status: 0, code: 'networkError', message, method: ctx.method, path: ctx.path }, ctx.outcome);
  (error as { cause?: unknown }).cause = cause;
  return error;
}

function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = (cause as { cause?: unknown }).cause;
  const code = asRecord(inner)?.['code'];
  return typeof code === 'string' ? `${cause.message} (${code})` : cause.message;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}
