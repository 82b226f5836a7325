// Typed errors for everything the Graph adapter can meet, so the API maps them to answers without parsing messages.

export interface GraphErrorDetails {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly requestId?: string | undefined;
  /** The HTTP method and path (no host, no query) of the request that failed. */
  readonly method?: string | undefined;
  readonly path?: string | undefined;
}

/** Base of every error the adapter raises about a Graph request. */
export class GraphRequestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly method: string | undefined;
  readonly path: string | undefined;
  /** Graph's own message, without the adapter's explanation. */
  readonly graphMessage: string;

  constructor(details: GraphErrorDetails, message?: string) {
    super(message ?? describe(details));
    this.name = new.target.name;
    this.status = details.status;
    this.code = details.code;
    this.graphMessage = details.message;
    this.requestId = details.requestId;
    this.method = details.method;
    this.path = details.path;
  }
}

function describe(d: GraphErrorDetails): string {
  const where = d.method && d.path ? `${d.method} ${d.path}: ` : '';
  const id = d.requestId ? ` (request id ${d.requestId})` : '';
  return `${where}${d.status} ${d.code}: ${d.message}${id}`;
}

export class NotFoundError extends GraphRequestError {}

/** 412: the item changed since it was read (stale ETag); 409: a conflicting write (for example a unique value). */
export class ConflictError extends GraphRequestError {}

/** 400: Graph refused the request as malformed; carries Graph's message. */
export class BadRequestError extends GraphRequestError {}

/** 401 or 403: the token is missing, invalid, or not allowed here (for example a person's token sent to the store). */
export class AuthError extends GraphRequestError {}

/** Retry bookkeeping carried by the errors raised once retrying stops. */
export interface RetryOutcome {
  readonly tries: number;
  readonly waitedMs: number;
}

/** 429 after the retry bound: the service is shedding load. */
export class ThrottledError extends GraphRequestError implements RetryOutcome {
  readonly tries: number;
  readonly waitedMs: number;
  constructor(details: GraphErrorDetails, outcome: RetryOutcome, hint = '') {
    super(details, `${retryStory('throttled (429)', details, outcome)}${hint}`);
    this.tries = outcome.tries;
    this.waitedMs = outcome.waitedMs;
  }
}

/** 502/503/504 or a dropped connection after the retry bound. Status 0 means no answer arrived. */
export class UnavailableError extends GraphRequestError implements RetryOutcome {
  readonly tries: number;
  readonly waitedMs: number;
  constructor(details: GraphErrorDetails, outcome: RetryOutcome) {
    const what = details.status === 0 ? 'unreachable' : `unavailable (${details.status})`;
    super(details, retryStory(what, details, outcome));
    this.tries = outcome.tries;
    this.waitedMs = outcome.waitedMs;
  }
}

export type ThresholdReason = 'listViewThreshold' | 'notIndexed';

/**
 * SharePoint refused the query because of its shape, not because of load: a filter on a list past the view
 * threshold that does not lead with a narrowing indexed column, or a non-indexed filter without the Prefer header.
 * Retrying cannot help; change the query (or the list's indexes).
 */
export class ThresholdRefusedError extends GraphRequestError {
  readonly reason: ThresholdReason;
  constructor(details: GraphErrorDetails, reason: ThresholdReason) {
    const advice =
      reason === 'listViewThreshold'
        ? 'the query shape, not load, is the cause: on a list over 5,000 items a filter must lead with an indexed column that narrows the result below 5,000 items'
        : "the query shape, not load, is the cause: a filter or order on a non-indexed column needs an index, or the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header on a small list";
    const where = details.method && details.path ? `${details.method} ${details.path}: ` : '';
    super(details, `${where}the list refused the query; ${advice}. Not retried. Graph said: ${details.status} ${details.code}: ${details.message}`);
    this.reason = reason;
  }
}

function retryStory(what: string, d: GraphErrorDetails, o: RetryOutcome): string {
  const where = d.method && d.path ? `${d.method} ${d.path}` : 'Graph request';
  const seconds = (o.waitedMs / 1000).toFixed(1);
  const last = d.message ? ` Last answer: ${d.code}: ${d.message}` : '';
  return `${where} still ${what} after ${o.tries} ${o.tries === 1 ? 'try' : 'tries'} over ${seconds} s of waiting; gave up.${last}`;
}

/** A list item whose stored values do not fit the list's schema (bad JSON, unknown choice, wrong type). */
export class ItemMappingError extends Error {
  readonly list: string;
  readonly itemId: string | undefined;
  readonly column: string;
  constructor(list: string, itemId: string | undefined, column: string, problem: string) {
    super(`List '${list}', item ${itemId ?? '(new)'}, column '${column}': ${problem}`);
    this.name = 'ItemMappingError';
    this.list = list;
    this.itemId = itemId;
    this.column = column;
  }
}
