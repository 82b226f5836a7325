// How the KPI code reads tickets. The rebuild pages the whole list by id with no filter (allowed there only); the
// refresh job and the drill-down use indexed queries: open tickets, and tickets whose latest opening, resolution or
// closure is since an instant. Together those hold every ticket with an event since that instant (a reopen clears
// ResolvedAt and leaves the ticket open; a cancellation is found by its opening when it was opened in the window).
import type { ListsGateway } from '../../data/lists/lists-gateway';
import type { ListItem } from '../../data/lists/types';
import { lastMilestoneDate, ticketFromItem } from '../../data/mappers/tickets';
import { and, field } from '../../data/odata';
import { readByDatePrefix } from '../../data/lists/date-prefix-read';
import { ConflictError } from '../../data/errors';
import type { KpiTicketInput } from '../../domain/kpi';

const MAX_TICKETS = 2_000_000;
const PAGE = 5000;

/**
 * The list keeps OpenedAt in whole seconds while the create entry keeps milliseconds, so the engine would place the
 * opening a moment before the create entry set the group and service (opened for "no service"). Starting the ticket at
 * its first entry when that is within the same second fixes the placement and moves no clock by a second.
 */
export function kpiInputOf(item: ListItem): KpiTicketInput {
  const record = ticketFromItem(item);
  const t = record.ticket;
  const opened = Date.parse(t.openedAt);
  const first = t.history.length > 0 ? Math.min(...t.history.map((e) => Date.parse(e.at))) : Number.NaN;
  const ticket = first > opened && first - opened < 1000 ? { ...t, openedAt: new Date(first).toISOString() } : t;
  return { ticket, previousToolMadeSla: record.extras.previousToolMadeSla };
}

export interface TouchedQuery {
  /** Only tickets opened at or after `since` (openings). */
  readonly onlyOpened?: boolean;
  /** Only tickets opened before this instant. */
  readonly openedBefore?: Date;
}

export interface KpiTicketSource {
  /** Every ticket, in pages (the rebuild). */
  all(): AsyncIterable<KpiTicketInput>;
  /** Tickets that may have an event at or after `since`, each once, through indexed columns. */
  touchedSince(since: Date, query?: TouchedQuery): Promise<KpiTicketInput[]>;
  /** Writes LastMilestoneDate where it is missing or wrong (tickets stored before the column); returns how many. */
  fillMilestoneDates(): Promise<number>;
}

export function graphKpiTicketSource(gateway: ListsGateway, ticketsListId: string): KpiTicketSource {
  return {
    async *all() {
      for await (const item of gateway.pageAll(ticketsListId, { top: PAGE }, { maxItems: MAX_TICKETS })) yield kpiInputOf(item);
    },
    async touchedSince(since, query = {}) {
      const narrow = [
        ...(query.onlyOpened ? [field('OpenedAt').ge(since)] : []),
        ...(query.openedBefore ? [field('OpenedAt').lt(query.openedBefore)] : []),
      ];
      // The latest milestone is at or after `since` exactly when one of them is; its date leads by prefix, which stays
      // within the list view threshold however long ago `since` was. Open tickets may have no milestone since.
      const reads = [readByDatePrefix(gateway, ticketsListId, { column: 'LastMilestoneDate', keyPrefix: '', fromIso: since.toISOString().slice(0, 10), toIso: null, also: narrow }, { maxItems: MAX_TICKETS })];
      if (!query.onlyOpened) reads.push(gateway.listAll(ticketsListId, { filter: and(field('IsOpen').eq(true), ...narrow), top: PAGE }, { maxItems: MAX_TICKETS }));
      const byId = new Map<string, ListItem>();
      for (const item of (await Promise.all(reads)).flat()) byId.set(item.id, item);
      // In id order, as the rebuild reads them, so a refreshed cell has the same JSON as a rebuilt one.
      return [...byId.values()].sort((a, b) => Number(a.id) - Number(b.id) || (a.id < b.id ? -1 : 1)).map(kpiInputOf);
    },
    async fillMilestoneDates() {
      const select = ['OpenedAt', 'ResolvedAt', 'ClosedAt', 'LastMilestoneDate'];
      const stale: ListItem[] = [];
      for await (const item of gateway.pageAll(ticketsListId, { top: PAGE, select }, { maxItems: MAX_TICKETS })) {
        if (item.fields['LastMilestoneDate'] !== milestoneOf(item)) stale.push(item);
      }
      let filled = 0;
      for (const item of stale) {
        try {
          await gateway.updateItem(ticketsListId, item.id, { LastMilestoneDate: milestoneOf(item) }, item.etag);
          filled++;
        } catch (error) {
          // Someone wrote the ticket meanwhile: that write set the column.
          if (!(error instanceof ConflictError)) throw error;
        }
      }
      return filled;
    },
  };
}

const instantOrNull = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const milestoneOf = (item: ListItem): string =>
  lastMilestoneDate({ openedAt: instantOrNull(item.fields['OpenedAt']) ?? '', resolvedAt: instantOrNull(item.fields['ResolvedAt']), closedAt: instantOrNull(item.fields['ClosedAt']) });
