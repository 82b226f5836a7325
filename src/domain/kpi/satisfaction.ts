// Satisfaction ratings (1 to 5) from confirmations. The confirm command stores the rating on the ticket with its
// instant (`satisfaction.at`); a history entry that changes a satisfaction field is read too, for histories that
// record it there. A confirmation without a rating is not a rating. A rating outside 1..5 is reported, not counted.
import type { HistoryEntry } from '../tickets/types';
import { placeAt, type Moment, type Timeline } from './timeline';
import type { KpiProblem, KpiSubject, RatingFact } from './types';

/** Field names a rating may be recorded under; 'satisfaction' is the one the ticket model uses. */
export const RATING_FIELDS: readonly string[] = ['satisfaction', 'satisfactionRating'];

export const isRating = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5;

const asRating = (v: unknown): number | null => {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return isRating(n) ? n : null;
};

interface Dated {
  readonly at: number;
  readonly entry: HistoryEntry;
}

function datedEntries(history: readonly HistoryEntry[], openedAt: number, asOf: number): Dated[] {
  const out: Dated[] = [];
  for (const entry of history) {
    const t = Date.parse(entry.at);
    if (Number.isNaN(t) || t > asOf) continue;
    out.push({ at: Math.max(t, openedAt), entry });
  }
  return out.sort((a, b) => a.at - b.at);
}

export function ratingsOf(subject: KpiSubject, timeline: Timeline, asOf: number): { ratings: RatingFact[]; problems: KpiProblem[] } {
  const moments: readonly Moment[] = timeline.moments;
  const ratings: RatingFact[] = [];
  const problems: KpiProblem[] = [];
  const carried = subject.satisfaction;
  const recorded = subject.history.some((e) => e.changes.some((c) => RATING_FIELDS.includes(c.field)));
  if (!recorded && !carried?.rating) return { ratings, problems }; // the common case: nothing to date or sort
  const entries = datedEntries(subject.history, timeline.openedAt, asOf);
  for (const { at, entry } of entries) {
    for (const c of entry.changes) {
      if (!RATING_FIELDS.includes(c.field) || c.to === null || c.to === '') continue;
      const rating = asRating(c.to);
      if (rating === null) problems.push({ code: 'rating_invalid', message: `Rating ${String(c.to)} at ${entry.at} is not 1 to 5.` });
      else ratings.push({ ...placeAt(moments, at), rating });
    }
  }
  if (ratings.length === 0 && carried && carried.rating !== null) {
    const rating = asRating(carried.rating);
    const given = Date.parse(carried.at);
    // Without a usable instant: the last confirm entry, else the last closure.
    const at = Number.isNaN(given)
      ? (entries.filter((e) => e.entry.action === 'confirm').pop()?.at ?? timeline.closures[timeline.closures.length - 1]?.at)
      : Math.max(given, timeline.openedAt);
    if (rating === null) problems.push({ code: 'rating_invalid', message: `Rating ${String(carried.rating)} is not 1 to 5.` });
    else if (at !== undefined && at <= asOf) ratings.push({ ...placeAt(moments, at), rating });
  }
  return { ratings, problems };
}
