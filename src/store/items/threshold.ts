// The two SharePoint rules on query shape (docs/decisions/0200, and 0250 for `or`):
// 1. Any list: $filter/$orderby on a non-indexed column needs Prefer: HonorNonIndexedQueriesWarningMayFailRandomly,
//    else 400 invalidRequest, as Graph answers.
// 2. Lists over 5,000 items (the list view threshold), whatever Prefer says: the leftmost clause of the filter
//    must be on an indexed column and match at most 5,000 items alone (with `or`: every branch leads with an indexed
//    clause and those leading clauses together match at most 5,000), and $orderby must use indexed columns.
import { GraphError } from '../http/errors';
import type { ResolvedProperty } from './properties';

export const LIST_VIEW_THRESHOLD = 5000;
export const PREFER_NON_INDEXED = 'HonorNonIndexedQueriesWarningMayFailRandomly';

export interface QueryShape {
  readonly listName: string;
  readonly itemCount: number;
  readonly preferNonIndexed: boolean;
  /** Every filter clause's property, leftmost first. */
  readonly clauses: readonly ResolvedProperty[];
  /** The leading clauses: the leftmost of a conjunction, the leading clause of each branch of an `or`. */
  readonly leading: readonly ResolvedProperty[];
  readonly orderBy: readonly ResolvedProperty[];
  /** Counts the items the leading clauses match together, stopping past the threshold. */
  readonly countLeading: () => number;
  readonly retryAfterSeconds: number;
}

export function hasPreferNonIndexed(prefer: string | undefined): boolean {
  return (prefer ?? '').split(',').some((p) => p.trim().toLowerCase() === PREFER_NON_INDEXED.toLowerCase());
}

export function checkQueryShape(shape: QueryShape): void {
  const nonIndexed = [...shape.clauses, ...shape.orderBy].find((p) => !p.indexed);
  if (nonIndexed && !shape.preferNonIndexed) {
    throw new GraphError(
      400,
      'invalidRequest',
      `Field '${nonIndexed.name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: ${PREFER_NON_INDEXED}' header to allow this, but be warned that such queries may fail on large lists.`,
    );
  }
  if (shape.itemCount <= LIST_VIEW_THRESHOLD) return;

  const unindexedOrder = shape.orderBy.find((p) => !p.indexed);
  if (unindexedOrder) {
    throw thresholdRefusal(shape, `$orderby uses '${unindexedOrder.label}', which is not indexed; on a list this large only indexed columns (or id) can order the items.`);
  }
  if (shape.leading.length === 0) return;
  const branches = shape.leading.length > 1;
  const unindexed = shape.leading.find((p) => !p.indexed);
  if (unindexed) {
    throw thresholdRefusal(shape, branches
      ? `the branch of 'or' led by '${unindexed.label}' does not start with an indexed column; on a list this large every branch of an 'or' must lead with an indexed clause that narrows the list.`
      : `the first clause of $filter is on '${unindexed.label}', which is not indexed; put a clause on an indexed column first.`);
  }
  const matched = shape.countLeading();
  if (matched > LIST_VIEW_THRESHOLD) {
    const labels = shape.leading.map((p) => `'${p.label}'`).join(', ');
    throw thresholdRefusal(shape, branches
      ? `the leading clauses of the branches of 'or' (${labels}) together match more than ${LIST_VIEW_THRESHOLD} items; later clauses in a branch do not count. Make each branch lead with a clause that narrows it, so that together they stay at ${LIST_VIEW_THRESHOLD} items or fewer.`
      : `the first clause of $filter, on indexed ${labels}, matches more than ${LIST_VIEW_THRESHOLD} items on its own; later clauses do not count. Lead with a clause that narrows the list to ${LIST_VIEW_THRESHOLD} items or fewer.`);
  }
}

/**
 * Through Graph this refusal has been seen as 429 (msgraph-sdk-dotnet issues 827, 703); SharePoint's own
 * exception is SPQueryThrottledException (-2147024860). The innerError code tells it apart from load throttling.
 */
function thresholdRefusal(shape: QueryShape, reason: string): GraphError {
  return new GraphError(
    429,
    'activityLimitReached',
    `The attempted operation is prohibited because it exceeds the list view threshold. List '${shape.listName}' has ${shape.itemCount} items (threshold ${LIST_VIEW_THRESHOLD}) and ${reason} This is a refusal of the query's shape, not load throttling: retrying the same request will not succeed.`,
    {
      innerCode: 'listViewThresholdExceeded',
      innerDetails: { sharePointError: '-2147024860, Microsoft.SharePoint.SPQueryThrottledException' },
      headers: { 'Retry-After': String(shape.retryAfterSeconds) },
    },
  );
}
